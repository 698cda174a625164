package uk.london.victims.projections.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.projections.review.ReviewRow;

/**
 * The figures of one group of obligations, kept so that adding and then removing an obligation leaves
 * them as they were: counts by status (every status the rule engine has, by name), waivers by reason, the
 * time to meet in whole minutes (the review's published resolution: nearest-rank percentiles of the
 * truncated times are the truncated percentiles), and the deadlines of those still open, so that which of
 * them are overdue is decided at the instant asked.
 */
final class Cell {

    final Map<String, Long> statuses = new TreeMap<>();
    final Map<String, Long> waivedBy = new TreeMap<>();
    final TreeMap<Long, Long> minutesToMeet = new TreeMap<>();
    final TreeMap<Instant, Long> openUntil = new TreeMap<>();

    void add(Obligation o, int sign) {
        if (o.status() == ObligationStatus.OPEN && o.deadline() != null) {
            merge(openUntil, o.deadline(), sign);
        } else {
            merge(statuses, o.status().name(), sign);
        }
        if (o.waivedFor() != null && o.status() == ObligationStatus.WAIVED) {
            merge(waivedBy, o.waivedFor().name(), sign);
        }
        if (o.timeToMeet() != null) {
            merge(minutesToMeet, o.timeToMeet().toMinutes(), sign);
        }
    }

    /** Counts nothing (a delta that cancels out, or a group whose obligations all went elsewhere). */
    boolean isNothing() {
        return statuses.isEmpty() && openUntil.isEmpty() && waivedBy.isEmpty() && minutesToMeet.isEmpty();
    }

    /** As counters of the stored document: field path (within the cell) to amount. */
    Map<String, Long> increments() {
        Map<String, Long> increments = new java.util.LinkedHashMap<>();
        statuses.forEach((k, n) -> increments.put("s." + k, n));
        waivedBy.forEach((k, n) -> increments.put("w." + k, n));
        minutesToMeet.forEach((m, n) -> increments.put("t." + m, n));
        openUntil.forEach((d, n) -> increments.put("p." + deadlineKey(d), n));
        return increments;
    }

    private static String deadlineKey(Instant deadline) {
        return deadline.getEpochSecond() + "_" + deadline.getNano();
    }

    void addAll(Cell other) {
        other.statuses.forEach((k, v) -> merge(statuses, k, v));
        other.waivedBy.forEach((k, v) -> merge(waivedBy, k, v));
        other.minutesToMeet.forEach((k, v) -> merge(minutesToMeet, k, v));
        other.openUntil.forEach((k, v) -> merge(openUntil, k, v));
    }

    ReviewRow row(String group, Instant asOf) {
        long overdueNow = openUntil.headMap(asOf, false).values().stream().mapToLong(Long::longValue).sum();
        long stillOpen = openUntil.values().stream().mapToLong(Long::longValue).sum() - overdueNow;
        long onTime = count(ObligationStatus.MET_ON_TIME);
        long late = count(ObligationStatus.MET_LATE);
        long overdue = count(ObligationStatus.OVERDUE) + overdueNow;
        long opened = statuses.values().stream().mapToLong(Long::longValue).sum() + overdueNow + stillOpen;
        long due = onTime + late + overdue;
        return new ReviewRow(group, opened, onTime, late, overdue, count(ObligationStatus.OPEN) + stillOpen,
                count(ObligationStatus.AWAITING_CLOCK), count(ObligationStatus.WAIVED), new TreeMap<>(waivedBy),
                percentile(50), percentile(95), due == 0 ? null : (double) onTime / due);
    }

    private long count(ObligationStatus status) {
        return statuses.getOrDefault(status.name(), 0L);
    }

    /** Nearest rank: a value that was actually observed, as a published figure should be. */
    private Duration percentile(int p) {
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

    Document toDocument() {
        Document open = new Document();
        openUntil.forEach((deadline, n) -> open.append(deadlineKey(deadline), n));
        Document minutes = new Document();
        minutesToMeet.forEach((m, n) -> minutes.append(Long.toString(m), n));
        return new Document("s", new Document(statuses)).append("w", new Document(waivedBy)).append("t", minutes)
                .append("p", open);
    }

    /** From a stored cell; counters that went back to zero count nothing. */
    static Cell fromDocument(Document document) {
        Cell cell = new Cell();
        read(document, "s", (k, n) -> cell.statuses.put(k, n));
        read(document, "w", (k, n) -> cell.waivedBy.put(k, n));
        read(document, "t", (k, n) -> cell.minutesToMeet.put(Long.parseLong(k), n));
        read(document, "p", (k, n) -> {
            String[] parts = k.split("_");
            cell.openUntil.put(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), n);
        });
        return cell;
    }

    private static void read(Document document, String field, java.util.function.BiConsumer<String, Long> into) {
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
