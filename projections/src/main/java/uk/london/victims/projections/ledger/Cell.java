package uk.london.victims.projections.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.bson.Document;

import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.domain.code.RuleBasis;
import uk.london.victims.projections.review.ReviewBasis;
import uk.london.victims.projections.review.ReviewRow;

/**
 * The figures of one group of obligations, kept so that adding and then removing an obligation leaves
 * them as they were: counts by status (every status the rule engine has, by name), waivers by reason, the
 * time to meet in whole minutes (the review's published resolution: nearest-rank percentiles of the
 * truncated times are the truncated percentiles), and the deadlines of those still open, so that which of
 * them are overdue is decided at the instant asked.
 *
 * <p>Each of these is kept apart by what set the obligation's limit ({@link RuleBasis}): a review counts the
 * Code's rights unless asked otherwise, and a missed local standard is never counted as a breach of the Code.
 */
final class Cell {

    private final Map<RuleBasis, Counts> byBasis = new EnumMap<>(RuleBasis.class);

    /** The counters of the obligations of one basis. */
    private static final class Counts {
        final Map<String, Long> statuses = new TreeMap<>();
        final Map<String, Long> waivedBy = new TreeMap<>();
        /** Minutes to meet (major), minor always 0. */
        final SortedCounts minutesToMeet;
        /** Deadlines of those open: epoch second (major) and nano (minor). */
        final SortedCounts openUntil;

        Counts() {
            this(new SortedCounts(), new SortedCounts());
        }

        Counts(SortedCounts minutesToMeet, SortedCounts openUntil) {
            this.minutesToMeet = minutesToMeet;
            this.openUntil = openUntil;
        }

        boolean isNothing() {
            return statuses.isEmpty() && openUntil.isEmpty() && waivedBy.isEmpty() && minutesToMeet.isEmpty();
        }

        void addAll(Counts other, int sign) {
            addNamed(other, sign);
            minutesToMeet.addAll(other.minutesToMeet, sign);
            openUntil.addAll(other.openUntil, sign);
        }

        void addNamed(Counts other, int sign) {
            other.statuses.forEach((k, v) -> merge(statuses, k, sign * v));
            other.waivedBy.forEach((k, v) -> merge(waivedBy, k, sign * v));
        }

        long count(ObligationStatus status) {
            return statuses.getOrDefault(status.name(), 0L);
        }
    }

    void add(Obligation o, int sign) {
        Counts counts = byBasis.computeIfAbsent(basisOf(o), b -> new Counts());
        if (o.status() == ObligationStatus.OPEN && o.deadline() != null) {
            counts.openUntil.add(o.deadline().getEpochSecond(), o.deadline().getNano(), sign);
        } else {
            merge(counts.statuses, o.status().name(), sign);
        }
        if (o.waivedFor() != null && o.status() == ObligationStatus.WAIVED) {
            merge(counts.waivedBy, o.waivedFor().name(), sign);
        }
        if (o.timeToMeet() != null) {
            counts.minutesToMeet.add(o.timeToMeet().toMinutes(), 0, sign);
        }
        dropEmpty();
    }

    private static RuleBasis basisOf(Obligation o) {
        return o.basis() == null ? RuleBasis.CODE : o.basis();
    }

    /** Counts nothing (a delta that cancels out, or a group whose obligations all went elsewhere). */
    boolean isNothing() {
        // A loop, not a stream: asked of every cell each time a figure document is read or changed.
        for (Counts counts : byBasis.values()) {
            if (!counts.isNothing()) {
                return false;
            }
        }
        return true;
    }

    void addAll(Cell other) {
        addAll(other, 1);
    }

    /** Adds (sign 1) or takes out (sign -1) every count of another cell: taking out what was added leaves this as it was. */
    void addAll(Cell other, int sign) {
        other.byBasis.forEach((basis, counts) -> byBasis.computeIfAbsent(basis, b -> new Counts()).addAll(counts, sign));
        dropEmpty();
    }

    /** The sum of many cells, each left as it was: a year of days' cells costs a few passes over their entries. */
    static Cell sum(List<Cell> cells) {
        Cell sum = new Cell();
        Map<RuleBasis, List<Counts>> byBasis = new EnumMap<>(RuleBasis.class);
        cells.forEach(cell -> cell.byBasis.forEach((basis, counts) -> byBasis.computeIfAbsent(basis, b -> new ArrayList<>()).add(counts)));
        byBasis.forEach((basis, parts) -> {
            List<SortedCounts> minutes = new ArrayList<>(parts.size());
            List<SortedCounts> deadlines = new ArrayList<>(parts.size());
            parts.forEach(part -> {
                minutes.add(part.minutesToMeet);
                deadlines.add(part.openUntil);
            });
            // The sums are new arrays of their own: kept as they are, not copied again.
            Counts counts = new Counts(SortedCounts.sum(minutes), SortedCounts.sum(deadlines));
            parts.forEach(part -> counts.addNamed(part, 1));
            sum.byBasis.put(basis, counts);
        });
        sum.dropEmpty();
        return sum;
    }

    private void dropEmpty() {
        byBasis.values().removeIf(Counts::isNothing);
    }

    /** Whether any obligation here is of a basis the review counts (a group of others gets no row). */
    boolean counts(ReviewBasis basis) {
        return byBasis.keySet().stream().anyMatch(basis::counts);
    }

    /** The row of the obligations whose basis the review counts, judged at {@code asOf}. */
    ReviewRow row(String group, Instant asOf, ReviewBasis basis) {
        Counts counted = new Counts();
        long overdue = 0;
        long missedLocal = 0;
        long stillOpen = 0;
        for (Map.Entry<RuleBasis, Counts> e : byBasis.entrySet()) {
            if (!basis.counts(e.getKey())) {
                continue;
            }
            Counts counts = e.getValue();
            counted.addAll(counts, 1);
            long overdueNow = counts.openUntil.totalBefore(asOf.getEpochSecond(), asOf.getNano());
            stillOpen += counts.openUntil.total() - overdueNow;
            long past = counts.count(ObligationStatus.OVERDUE) + overdueNow;
            // A local service standard missed is not a breach of the Code: it has its own count.
            if (e.getKey() == RuleBasis.LOCAL_STANDARD) {
                missedLocal += past;
            } else {
                overdue += past;
            }
        }
        long onTime = counted.count(ObligationStatus.MET_ON_TIME);
        long late = counted.count(ObligationStatus.MET_LATE);
        long judgedLater = counted.openUntil.total();
        long opened = counted.statuses.values().stream().mapToLong(Long::longValue).sum() + judgedLater;
        long due = onTime + late + overdue + missedLocal;
        return new ReviewRow(group, opened, onTime, late, overdue, counted.count(ObligationStatus.OPEN) + stillOpen,
                counted.count(ObligationStatus.AWAITING_CLOCK), counted.count(ObligationStatus.WAIVED),
                new TreeMap<>(counted.waivedBy), percentile(counted.minutesToMeet, 50), percentile(counted.minutesToMeet, 95),
                due == 0 ? null : (double) onTime / due, counted.count(ObligationStatus.AWAITING_CONSENT), missedLocal);
    }

    /** Nearest rank: a value that was actually observed, as a published figure should be. */
    private static Duration percentile(SortedCounts minutesToMeet, int p) {
        long n = minutesToMeet.total();
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < minutesToMeet.size(); i++) {
            seen += minutesToMeet.count(i);
            if (seen >= rank) {
                return Duration.ofMinutes(minutesToMeet.major(i));
            }
        }
        throw new IllegalStateException("unreachable: rank " + rank + " of " + n);
    }

    /** As {@link CellBytes} stores it: per basis, each of its counters, sorted keys as differences. */
    void write(CellBytes.Writer out) {
        out.unsigned(byBasis.size());
        byBasis.forEach((basis, counts) -> {
            out.text(basis.name());
            writeNamed(out, counts.statuses);
            writeNamed(out, counts.waivedBy);
            SortedCounts minutes = counts.minutesToMeet;
            out.unsigned(minutes.size());
            long previous = 0;
            for (int i = 0; i < minutes.size(); i++) {
                out.signed(minutes.major(i) - previous);
                out.signed(minutes.count(i));
                previous = minutes.major(i);
            }
            SortedCounts deadlines = counts.openUntil;
            out.unsigned(deadlines.size());
            long previousSecond = 0;
            for (int i = 0; i < deadlines.size(); i++) {
                out.signed(deadlines.major(i) - previousSecond);
                out.unsigned(deadlines.minor(i));
                out.signed(deadlines.count(i));
                previousSecond = deadlines.major(i);
            }
        });
    }

    private static void writeNamed(CellBytes.Writer out, Map<String, Long> counts) {
        out.unsigned(counts.size());
        counts.forEach((name, n) -> {
            out.text(name);
            out.signed(n);
        });
    }

    /** The inverse of {@link #write}; a basis this version no longer has is an error, not a silent drop. */
    static Cell read(CellBytes.Reader in) {
        Cell cell = new Cell();
        for (long b = in.unsigned(); b > 0; b--) {
            Counts counts = cell.byBasis.computeIfAbsent(RuleBasis.valueOf(in.text()), x -> new Counts());
            readNamed(in, counts.statuses);
            readNamed(in, counts.waivedBy);
            long minute = 0;
            long minutes = in.unsigned();
            counts.minutesToMeet.reserve((int) minutes);
            for (long n = minutes; n > 0; n--) {
                minute += in.signed();
                counts.minutesToMeet.add(minute, 0, in.signed());
            }
            long second = 0;
            long deadlines = in.unsigned();
            counts.openUntil.reserve((int) deadlines);
            for (long n = deadlines; n > 0; n--) {
                second += in.signed();
                int nano = (int) in.unsigned();
                counts.openUntil.add(second, nano, in.signed());
            }
        }
        cell.dropEmpty();
        return cell;
    }

    /** Past one cell as {@link #write} wrote it, decoding nothing: as {@link #read} walks it. */
    static void skip(CellBytes.Reader in) {
        for (long b = in.unsigned(); b > 0; b--) {
            in.skipText();
            for (int named = 0; named < 2; named++) {
                for (long n = in.unsigned(); n > 0; n--) {
                    in.skipText();
                    in.skip();
                }
            }
            for (long n = in.unsigned(); n > 0; n--) {
                in.skip();
                in.skip();
            }
            for (long n = in.unsigned(); n > 0; n--) {
                in.skip();
                in.skip();
                in.skip();
            }
        }
    }

    private static void readNamed(CellBytes.Reader in, Map<String, Long> into) {
        for (long n = in.unsigned(); n > 0; n--) {
            into.put(in.text(), in.signed());
        }
    }

    /** From a cell stored as a document, before ADR 0040; counters that went back to zero count nothing. */
    static Cell fromDocument(Document document) {
        Cell cell = new Cell();
        for (RuleBasis basis : RuleBasis.values()) {
            Document stored = document.get(basis.name(), Document.class);
            if (stored == null) {
                continue;
            }
            Counts counts = cell.byBasis.computeIfAbsent(basis, b -> new Counts());
            read(stored, "s", counts.statuses::put);
            read(stored, "w", counts.waivedBy::put);
            read(stored, "t", (k, n) -> counts.minutesToMeet.add(Long.parseLong(k), 0, n));
            read(stored, "p", (k, n) -> {
                String[] parts = k.split("_");
                counts.openUntil.add(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), n);
            });
        }
        cell.dropEmpty();
        return cell;
    }

    private static void read(Document document, String field, BiConsumer<String, Long> into) {
        Document counts = document.get(field, Document.class);
        if (counts != null) {
            counts.forEach((k, v) -> {
                long n = ((Number) v).longValue();
                if (n != 0) {
                    into.accept(k, n);
                }
            });
        }
    }

    private static <K> void merge(Map<K, Long> counts, K key, long delta) {
        long value = counts.getOrDefault(key, 0L) + delta;
        if (value == 0) {
            counts.remove(key);
        } else {
            counts.put(key, value);
        }
    }
}
