package uk.london.victims.projections.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

import uk.london.victims.domain.code.WorkingDayCalendar;
import uk.london.victims.projections.review.ReviewDimension;

/**
 * The review's figures for the obligations whose clocks started on one London day in one BCU: every cell
 * (total, each dimension's values, the configured pairs), the cases counted with the version of each last
 * applied (so a redelivered event changes nothing), and the latest recorded-at instant of any change (the
 * figures answer "as known at" any instant from then on).
 */
final class BucketFigures {

    private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::toString);

    final String id;
    final Map<String, Long> members = new TreeMap<>();
    Instant lastRecordedAt;
    final Map<CellKey, Cell> cells = new HashMap<>();

    BucketFigures(String id) {
        this.id = id;
    }

    /** The bucket a revision counts in, or null when it counts in none (no clock yet, or gone). */
    static String bucketOf(LedgerRevision revision) {
        if (revision == null || revision.obligation() == null || revision.obligation().clockStart() == null) {
            return null;
        }
        return id(revision.obligation().clockStart().atZone(WorkingDayCalendar.LONDON).toLocalDate(),
                CellKey.values(revision.groups(), ReviewDimension.BCU).get(0));
    }

    /** What one applied event takes out of and adds to each bucket: the previous and new revisions of what changed. */
    record Change(Map<String, List<LedgerRevision>> removed, Map<String, List<LedgerRevision>> added, Instant recordedAt) {

        java.util.Set<String> buckets() {
            java.util.Set<String> buckets = new java.util.LinkedHashSet<>(removed.keySet());
            buckets.addAll(added.keySet());
            return buckets;
        }
    }

    static Change change(Map<String, LedgerEntry> before, ObligationLedger.Applied applied) {
        Map<String, List<LedgerRevision>> removed = new java.util.LinkedHashMap<>();
        Map<String, List<LedgerRevision>> added = new java.util.LinkedHashMap<>();
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

    /** Applies the change's part for this bucket; false when this case's version had been applied already. */
    boolean apply(String caseId, long version, Change change, List<ReviewDimension> dimensions, List<List<ReviewDimension>> pairs) {
        return apply(caseId, version, change.recordedAt(), change.removed().getOrDefault(id, List.of()),
                change.added().getOrDefault(id, List.of()), dimensions, pairs);
    }

    static String id(LocalDate day, String bcu) {
        return day + "|" + bcu;
    }

    /**
     * Replaces a case's contribution: takes out what its previous revisions counted and counts the new ones,
     * unless this case's version (or a later one) was applied already.
     */
    boolean apply(String caseId, long version, Instant recordedAt, List<LedgerRevision> removed, List<LedgerRevision> added,
                  List<ReviewDimension> dimensions, List<List<ReviewDimension>> pairs) {
        if (members.getOrDefault(caseId, -1L) >= version) {
            return false;
        }
        removed.forEach(r -> count(r, -1, dimensions, pairs));
        added.forEach(r -> count(r, 1, dimensions, pairs));
        members.put(caseId, version);
        lastRecordedAt = lastRecordedAt == null || recordedAt.isAfter(lastRecordedAt) ? recordedAt : lastRecordedAt;
        return true;
    }

    private void count(LedgerRevision revision, int sign, List<ReviewDimension> dimensions, List<List<ReviewDimension>> pairs) {
        for (CellKey key : CellKey.of(revision.groups(), dimensions, pairs)) {
            Cell cell = cells.computeIfAbsent(key, k -> new Cell());
            cell.add(revision.obligation(), sign);
            if (cell.isEmpty()) {
                cells.remove(key);
            }
        }
    }

    Document toDocument() {
        List<Document> memberDocs = new ArrayList<>();
        members.forEach((c, v) -> memberDocs.add(new Document("c", c).append("v", v)));
        List<Document> cellDocs = new ArrayList<>();
        cells.entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER)).forEach(e -> {
            Document cell = e.getValue().toDocument();
            CellKey key = e.getKey();
            cell.append("d1", key.by() == null ? null : key.by().name()).append("v1", key.value())
                .append("d2", key.thenBy() == null ? null : key.thenBy().name()).append("v2", key.thenValue());
            cellDocs.add(cell);
        });
        return new Document("_id", id).append("lastRecordedAt", lastRecordedAt == null ? null : lastRecordedAt.toString())
                .append("members", memberDocs).append("cells", cellDocs);
    }

    static BucketFigures fromDocument(Document document) {
        BucketFigures figures = new BucketFigures(document.getString("_id"));
        String last = document.getString("lastRecordedAt");
        figures.lastRecordedAt = last == null ? null : Instant.parse(last);
        for (Document m : document.getList("members", Document.class, List.of())) {
            figures.members.put(m.getString("c"), m.get("v", Number.class).longValue());
        }
        for (Document c : document.getList("cells", Document.class, List.of())) {
            ReviewDimension by = dimension(c.getString("d1"));
            ReviewDimension thenBy = dimension(c.getString("d2"));
            if ((c.getString("d1") != null && by == null) || (c.getString("d2") != null && thenBy == null)) {
                continue; // a dimension this version no longer has
            }
            figures.cells.put(new CellKey(by, c.getString("v1"), thenBy, c.getString("v2")), Cell.fromDocument(c));
        }
        return figures;
    }

    private static ReviewDimension dimension(String name) {
        if (name == null) {
            return null;
        }
        try {
            return ReviewDimension.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
