package uk.london.victims.projections.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
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
        final TreeMap<Long, Long> minutesToMeet = new TreeMap<>();
        final TreeMap<Instant, Long> openUntil = new TreeMap<>();

        boolean isNothing() {
            return statuses.isEmpty() && openUntil.isEmpty() && waivedBy.isEmpty() && minutesToMeet.isEmpty();
        }

        void addAll(Counts other, int sign) {
            other.statuses.forEach((k, v) -> merge(statuses, k, sign * v));
            other.waivedBy.forEach((k, v) -> merge(waivedBy, k, sign * v));
            other.minutesToMeet.forEach((k, v) -> merge(minutesToMeet, k, sign * v));
            other.openUntil.forEach((k, v) -> merge(openUntil, k, sign * v));
        }

        long count(ObligationStatus status) {
            return statuses.getOrDefault(status.name(), 0L);
        }
    }

    void add(Obligation o, int sign) {
        Counts counts = byBasis.computeIfAbsent(basisOf(o), b -> new Counts());
        if (o.status() == ObligationStatus.OPEN && o.deadline() != null) {
            merge(counts.openUntil, o.deadline(), sign);
        } else {
            merge(counts.statuses, o.status().name(), sign);
        }
        if (o.waivedFor() != null && o.status() == ObligationStatus.WAIVED) {
            merge(counts.waivedBy, o.waivedFor().name(), sign);
        }
        if (o.timeToMeet() != null) {
            merge(counts.minutesToMeet, o.timeToMeet().toMinutes(), sign);
        }
        dropEmpty();
    }

    private static RuleBasis basisOf(Obligation o) {
        return o.basis() == null ? RuleBasis.CODE : o.basis();
    }

    /** Counts nothing (a delta that cancels out, or a group whose obligations all went elsewhere). */
    boolean isNothing() {
        return byBasis.values().stream().allMatch(Counts::isNothing);
    }

    void addAll(Cell other) {
        addAll(other, 1);
    }

    /** Adds (sign 1) or takes out (sign -1) every count of another cell: taking out what was added leaves this as it was. */
    void addAll(Cell other, int sign) {
        other.byBasis.forEach((basis, counts) -> byBasis.computeIfAbsent(basis, b -> new Counts()).addAll(counts, sign));
        dropEmpty();
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
            long overdueNow = counts.openUntil.headMap(asOf, false).values().stream().mapToLong(Long::longValue).sum();
            stillOpen += counts.openUntil.values().stream().mapToLong(Long::longValue).sum() - overdueNow;
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
        long judgedLater = counted.openUntil.values().stream().mapToLong(Long::longValue).sum();
        long opened = counted.statuses.values().stream().mapToLong(Long::longValue).sum() + judgedLater;
        long due = onTime + late + overdue + missedLocal;
        return new ReviewRow(group, opened, onTime, late, overdue, counted.count(ObligationStatus.OPEN) + stillOpen,
                counted.count(ObligationStatus.AWAITING_CLOCK), counted.count(ObligationStatus.WAIVED),
                new TreeMap<>(counted.waivedBy), percentile(counted.minutesToMeet, 50), percentile(counted.minutesToMeet, 95),
                due == 0 ? null : (double) onTime / due, counted.count(ObligationStatus.AWAITING_CONSENT), missedLocal);
    }

    /** Nearest rank: a value that was actually observed, as a published figure should be. */
    private static Duration percentile(TreeMap<Long, Long> minutesToMeet, int p) {
        long n = minutesToMeet.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
        long seen = 0;
        for (Map.Entry<Long, Long> e : minutesToMeet.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return Duration.ofMinutes(e.getKey());
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
            out.unsigned(counts.minutesToMeet.size());
            long previous = 0;
            for (Map.Entry<Long, Long> e : counts.minutesToMeet.entrySet()) {
                out.signed(e.getKey() - previous);
                out.signed(e.getValue());
                previous = e.getKey();
            }
            out.unsigned(counts.openUntil.size());
            long previousSecond = 0;
            for (Map.Entry<Instant, Long> e : counts.openUntil.entrySet()) {
                out.signed(e.getKey().getEpochSecond() - previousSecond);
                out.unsigned(e.getKey().getNano());
                out.signed(e.getValue());
                previousSecond = e.getKey().getEpochSecond();
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
            for (long n = in.unsigned(); n > 0; n--) {
                minute += in.signed();
                counts.minutesToMeet.put(minute, in.signed());
            }
            long second = 0;
            for (long n = in.unsigned(); n > 0; n--) {
                second += in.signed();
                counts.openUntil.put(Instant.ofEpochSecond(second, in.unsigned()), in.signed());
            }
        }
        cell.dropEmpty();
        return cell;
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
            read(stored, "t", (k, n) -> counts.minutesToMeet.put(Long.parseLong(k), n));
            read(stored, "p", (k, n) -> {
                String[] parts = k.split("_");
                counts.openUntil.put(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), n);
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
