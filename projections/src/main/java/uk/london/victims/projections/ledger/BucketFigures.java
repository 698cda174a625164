package uk.london.victims.projections.ledger;


import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.types.Binary;


import uk.london.victims.domain.code.WorkingDayCalendar;
import uk.london.victims.projections.support.IsoInstants;
import uk.london.victims.projections.review.ReviewDimension;

/**
 * The review's figures for the obligations whose clocks started on one London day in one BCU: every cell
 * (total, each dimension's values, the configured pairs), the cases counted with the version of each last
 * applied (so a redelivered event changes nothing), and the latest recorded-at instant of any change (the
 * figures answer "as known at" any instant from then on).
 *
 * <p>Stored, a batch's changes of a bucket are applied here and the document replaced whole, by a
 * compare-and-set ({@link FigureWrites}), so cases handled at the same time by other segments or instances
 * never overwrite each other's counts.
 */
final class BucketFigures {

    final String id;
    /** The bucket whose changes these figures count: {@link #id} itself, or the bucket a history document belongs to. */
    final String bucket;
    final Map<String, Long> members = new TreeMap<>();
    Instant firstRecordedAt;
    Instant lastRecordedAt;
    /**
     * A bucket's history ({@link FigureHistory}) holds every change of it recorded after this instant: the start of
     * time for a bucket counted with its history from its first change, the bucket's latest change for one counted
     * before histories were kept, and null until it is known.
     */
    Instant historyFrom;
    final Map<CellKey, Cell> cells = new HashMap<>();
    /**
     * Read {@link #forUpdate for an update}: each group of cells as stored, decoded a cell at a time as changes reach
     * it; {@link #cells} then holds only the cells changed (some perhaps counting nothing now). Empty otherwise.
     */
    private Map<String, CellBytes.Stored> stored = Map.of();

    BucketFigures(String id) {
        this(id, id);
    }

    BucketFigures(String id, String bucket) {
        this.id = id;
        this.bucket = bucket;
    }

    /** The bucket a revision counts in, or null when it counts in none (no clock yet, or gone). */
    static String bucketOf(LedgerRevision revision) {
        if (revision == null || revision.obligation() == null || revision.obligation().clockStart() == null) {
            return null;
        }
        return id(revision.obligation().clockStart().atZone(WorkingDayCalendar.LONDON).toLocalDate(),
                CellKey.values(revision.groups(), ReviewDimension.BCU).get(0));
    }

    /** The London day (yyyy-MM-dd) of a bucket id. */
    static String day(String bucketId) {
        return bucketId.substring(0, bucketId.indexOf('|'));
    }

    static String id(LocalDate day, String bcu) {
        return day + "|" + bcu;
    }

    /** What one applied event takes out of and adds to each bucket: the previous and new revisions of what changed. */
    record Change(Map<String, List<LedgerRevision>> removed, Map<String, List<LedgerRevision>> added, Instant recordedAt) {

        Set<String> buckets() {
            Set<String> buckets = new LinkedHashSet<>(removed.keySet());
            buckets.addAll(added.keySet());
            return buckets;
        }

        /** Per cell, what the change adds (negative: takes out) in this bucket. */
        Map<CellKey, Cell> delta(String bucket, List<ReviewDimension> dimensions, List<List<ReviewDimension>> pairs) {
            Map<CellKey, Cell> delta = new LinkedHashMap<>();
            count(delta, removed.getOrDefault(bucket, List.of()), -1, dimensions, pairs);
            count(delta, added.getOrDefault(bucket, List.of()), 1, dimensions, pairs);
            delta.values().removeIf(Cell::isNothing);
            return delta;
        }

        private static void count(Map<CellKey, Cell> delta, List<LedgerRevision> revisions, int sign,
                                  List<ReviewDimension> dimensions, List<List<ReviewDimension>> pairs) {
            for (LedgerRevision revision : revisions) {
                for (CellKey key : CellKey.of(revision.groups(), dimensions, pairs)) {
                    delta.computeIfAbsent(key, k -> new Cell()).add(revision.obligation(), sign);
                }
            }
        }
    }

    static Change change(Map<String, LedgerEntry> before, ObligationLedger.Applied applied) {
        Map<String, List<LedgerRevision>> removed = new LinkedHashMap<>();
        Map<String, List<LedgerRevision>> added = new LinkedHashMap<>();
        Instant recordedAt = null;
        for (String key : applied.changed()) {
            LedgerRevision previous = before.containsKey(key) ? before.get(key).current() : null;
            LedgerRevision next = applied.entries().get(key).current();
            recordedAt = next.recordedAt();
            String was = bucketOf(previous);
            String is = bucketOf(next);
            if (was != null) {
                removed.computeIfAbsent(was, b -> new ArrayList<>()).add(previous);
            }
            if (is != null) {
                added.computeIfAbsent(is, b -> new ArrayList<>()).add(next);
            }
        }
        return new Change(removed, added, recordedAt);
    }

    /**
     * Notes, before a change counted with its history, from when the history holds every change: from the start for a
     * bucket created now, else from its latest change counted so far (every earlier one was counted before it).
     */
    void keepHistory(boolean created) {
        if (historyFrom == null) {
            historyFrom = created ? FigureHistory.COMPLETE : lastRecordedAt;
        }
    }

    /**
     * Applies a change's {@link Change#delta delta} for this bucket, recorded at the instant given; false when this case's
     * version had been applied already. The delta is only read: the projection works it out once per bucket and applies
     * it to the bucket and to each of its history documents.
     */
    boolean apply(String caseId, long version, Map<CellKey, Cell> cellDelta, Instant recordedAt) {
        if (members.getOrDefault(caseId, -1L) >= version) {
            return false;
        }
        cellDelta.forEach((key, delta) -> {
            Cell cell = cells.get(key);
            if (cell == null) {
                cell = storedCell(key);
                cells.put(key, cell);
            }
            cell.addAll(delta);
            if (cell.isNothing() && stored.isEmpty()) {
                // Read for an update, a cell counting nothing now stays, so that its stored bytes are not written.
                cells.remove(key);
            }
        });
        members.put(caseId, version);
        firstRecordedAt = firstRecordedAt == null || recordedAt.isBefore(firstRecordedAt) ? recordedAt : firstRecordedAt;
        lastRecordedAt = lastRecordedAt == null || recordedAt.isAfter(lastRecordedAt) ? recordedAt : lastRecordedAt;
        return true;
    }

    private Cell storedCell(CellKey key) {
        if (stored.isEmpty()) {
            return new Cell();
        }
        String[] place = key.place();
        CellBytes.Stored group = stored.get(place[0]);
        Cell cell = group == null ? null : group.cell(place[1]);
        return cell == null ? new Cell() : cell;
    }

    static Document toDocument(BucketFigures figures) {
        // Each group of cells as one binary value (ADR 0040), still apart by group so that a review reads only its own.
        SortedMap<String, SortedMap<String, Cell>> groups = new TreeMap<>();
        figures.stored.keySet().forEach(group -> groups.put(group, new TreeMap<>()));
        figures.cells.forEach((key, cell) -> {
            String[] place = key.place();
            groups.computeIfAbsent(place[0], g -> new TreeMap<>()).put(place[1], cell);
        });
        Document cells = new Document();
        groups.forEach((group, named) -> {
            CellBytes.Stored stored = figures.stored.get(group);
            if (stored != null) {
                byte[] bytes = CellBytes.merge(stored, named);
                if (bytes != null) {
                    cells.append(group, new Binary(bytes));
                }
            } else {
                named.values().removeIf(Cell::isNothing);
                if (!named.isEmpty()) {
                    cells.append(group, new Binary(CellBytes.encode(named)));
                }
            }
        });
        return new Document("_id", figures.id).append("created", true).append("members", FigureMembers.encode(figures.members))
                .append("firstRecordedNanos", nanosOrNull(figures.firstRecordedAt))
                .append("lastRecordedNanos", nanosOrNull(figures.lastRecordedAt))
                .append("historyFromNanos", nanosOrNull(figures.historyFrom)).append("cells", cells);
    }

    /**
     * As {@link #fromDocument}, for a batch to {@link #apply} its changes to and write back ({@link FigureWrites}): only the
     * cells the changes reach are decoded, the others are written back as the bytes they were (ADR 0057). A document
     * stored before ADR 0040 is decoded whole.
     */
    static BucketFigures forUpdate(Document document) {
        Document cells = document.get("cells", Document.class);
        if (cells == null || !cells.values().stream().allMatch(Binary.class::isInstance)) {
            return fromDocument(document);
        }
        BucketFigures figures = withoutCells(document);
        Map<String, CellBytes.Stored> stored = new HashMap<>();
        cells.forEach((group, value) -> stored.put(group, CellBytes.index(((Binary) value).getData(), CellKey.ALL_CELLS.equals(group)
                ? name -> true : name -> CellKey.fromPath(group, name).isPresent())));
        figures.stored = stored;
        return figures;
    }

    static BucketFigures fromDocument(Document document) {
        BucketFigures figures = withoutCells(document);
        Document cells = document.get("cells", Document.class);
        if (cells == null) {
            return figures;
        }
        cells.forEach((group, value) -> {
            if (value instanceof Binary bytes) {
                CellBytes.decode(bytes.getData()).forEach((name, cell) -> {
                    Optional<CellKey> key = CellKey.ALL_CELLS.equals(group) ? Optional.of(CellKey.ALL) : CellKey.fromPath(group, name);
                    if (key.isPresent() && !cell.isNothing()) {
                        figures.cells.put(key.get(), cell);
                    }
                });
            } else if (CellKey.ALL_CELLS.equals(group)) {
                // Stored as nested documents, before ADR 0040: read until the ledger is replayed.
                put(figures, CellKey.ALL, (Document) value);
            } else {
                ((Document) value).forEach((name, c) -> CellKey.fromPath(group, name).ifPresent(key -> put(figures, key, (Document) c)));
            }
        });
        return figures;
    }

    /** The document's members and instants, its cells left out. */
    private static BucketFigures withoutCells(Document document) {
        String id = document.getString("_id");
        BucketFigures figures = new BucketFigures(id, FigureHistory.bucketOf(id));
        figures.firstRecordedAt = instantOrNull(document.get("firstRecordedNanos", Number.class));
        figures.lastRecordedAt = instantOrNull(document.get("lastRecordedNanos", Number.class));
        figures.historyFrom = instantOrNull(document.get("historyFromNanos", Number.class));
        FigureMembers.readInto(document.get("members"), figures.members);
        return figures;
    }

    private static void put(BucketFigures figures, CellKey key, Document stored) {
        Cell cell = Cell.fromDocument(stored);
        if (!cell.isNothing()) {
            figures.cells.put(key, cell);
        }
    }

    private static Long nanosOrNull(Instant instant) {
        return instant == null ? null : IsoInstants.toNanos(instant);
    }

    private static Instant instantOrNull(Number nanos) {
        return nanos == null ? null : IsoInstants.fromNanos(nanos.longValue());
    }
}
