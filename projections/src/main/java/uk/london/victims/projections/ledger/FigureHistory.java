package uk.london.victims.projections.ledger;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.conversions.Bson;

import uk.london.victims.projections.support.IsoInstants;

/**
 * What each bucket's figures gained and lost, by when it was recorded (ADR 0042), so that the review as known
 * at an earlier instant is the stored figures less what was recorded after it: a read of a bounded number of
 * small documents, not of every case's ledger.
 *
 * <p>A change of a bucket is counted three times more, in the bucket's history documents for the UTC month,
 * day and minute it was recorded in (each with the cases and versions it holds, so a redelivered event is
 * counted once there too). What was recorded after an instant X is then the months after X's month, the
 * days after X's day in that month, and the minutes from X's minute to the end of that day: at most a few
 * dozen documents a bucket, however long ago X was. Only a change recorded in X's own minute, after X
 * itself, cannot be told apart from one before it; a bucket with one is counted from its cases' ledgers, as
 * is a bucket counted before histories were kept.
 *
 * <p>Ids are {@code level|BCU|recording period|bucket day}, so that a BCU's documents after an instant are
 * three ranges of {@code _id}.
 */
final class FigureHistory {

    /** A bucket whose history holds every change of it: histories were kept from its first change. */
    static final Instant COMPLETE = IsoInstants.fromNanos(Long.MIN_VALUE);

    private static final String MONTH = "M";
    private static final String DAY = "D";
    private static final String MINUTE = "m";
    /** Sorts after every period and bucket day ('~' follows digits, '-', ':', 'T' and '|'). */
    private static final String AFTER_ALL = "~";

    private FigureHistory() {
    }

    /** The history documents that count a change of this bucket recorded at this instant. */
    static List<String> ids(String bucket, Instant recordedAt) {
        String day = BucketFigures.day(bucket);
        String bcu = bucket.substring(bucket.indexOf('|') + 1);
        return List.of(id(MONTH, bcu, month(recordedAt), day), id(DAY, bcu, day(recordedAt), day),
                id(MINUTE, bcu, minute(recordedAt), day));
    }

    /** The bucket a figures document counts: a history document's, or a bucket's own id. */
    static String bucketOf(String id) {
        if (!isHistory(id)) {
            return id;
        }
        String[] parts = id.split("\\|", 4);
        return parts[3] + "|" + parts[1];
    }

    /**
     * The ranges of {@code _id} holding the BCU's history recorded after {@code asOf}: a superset of what
     * {@link #recordedAfter} keeps (the minute range starts at the minute of {@code asOf} itself).
     */
    static List<Bson> after(String bcu, Instant asOf) {
        Instant at = bounded(asOf);
        return List.of(
                range(id(MINUTE, bcu, minute(at), ""), prefix(MINUTE, bcu) + day(at) + "T" + AFTER_ALL),
                range(prefix(DAY, bcu) + LocalDate.parse(day(at)).plusDays(1), prefix(DAY, bcu) + month(at) + AFTER_ALL),
                range(prefix(MONTH, bcu) + YearMonth.parse(month(at)).plusMonths(1), prefix(MONTH, bcu) + AFTER_ALL));
    }

    /**
     * Whether a history document's period ends after {@code asOf} and is one of those that, together, cover
     * everything recorded after it (the minute of {@code asOf} itself included, which may also hold what was
     * recorded up to it).
     */
    static boolean recordedAfter(BucketFigures history, Instant asOf) {
        String[] parts = history.id.split("\\|", 4);
        Instant at = bounded(asOf);
        return switch (parts[0]) {
            case MONTH -> parts[2].compareTo(month(at)) > 0;
            case DAY -> parts[2].compareTo(day(at)) > 0 && parts[2].startsWith(month(at));
            default -> parts[2].compareTo(minute(at)) >= 0 && parts[2].startsWith(day(at));
        };
    }

    /**
     * The bucket's figures as known at {@code asOf}: its stored figures less every history document recorded after
     * then. Empty when its history cannot say exactly: it was not kept that far back, a change in the minute of
     * {@code asOf} came after it, or a history document counts a change the stored figures (read first) do not yet
     * (the two are written one after the other); the bucket's cases are then counted from their ledgers.
     *
     * @param history the bucket's history documents as read (any may be outside what was recorded after asOf)
     */
    static Optional<BucketFigures> asKnownAt(BucketFigures stored, Collection<BucketFigures> history, Instant asOf) {
        if (stored.historyFrom == null || stored.historyFrom.isAfter(asOf)) {
            return Optional.empty();
        }
        BucketFigures known = new BucketFigures(stored.id);
        stored.cells.forEach((key, cell) -> known.cells.computeIfAbsent(key, k -> new Cell()).addAll(cell));
        for (BucketFigures h : history) {
            if (!h.bucket.equals(stored.bucket) || !recordedAfter(h, asOf) || !h.lastRecordedAt.isAfter(asOf)) {
                continue;
            }
            if (!h.firstRecordedAt.isAfter(asOf)) {
                return Optional.empty(); // recorded both up to asOf and after it, in its minute
            }
            for (Map.Entry<String, Long> member : h.members.entrySet()) {
                if (stored.members.getOrDefault(member.getKey(), -1L) < member.getValue()) {
                    return Optional.empty();
                }
            }
            h.cells.forEach((key, delta) -> {
                Cell cell = known.cells.computeIfAbsent(key, k -> new Cell());
                cell.addAll(delta, -1);
                if (cell.isNothing()) {
                    known.cells.remove(key);
                }
            });
        }
        return Optional.of(known);
    }

    private static boolean isHistory(String id) {
        return id.startsWith(MONTH + "|") || id.startsWith(DAY + "|") || id.startsWith(MINUTE + "|");
    }

    private static String id(String level, String bcu, String period, String day) {
        return prefix(level, bcu) + period + "|" + day;
    }

    private static String prefix(String level, String bcu) {
        return level + "|" + bcu + "|";
    }

    private static Bson range(String from, String before) {
        return and(gte("_id", from), lt("_id", before));
    }

    /** Recording instants are the store's clock: an instant asked about outside four-digit years is taken at the limit. */
    private static Instant bounded(Instant instant) {
        return instant.isBefore(FIRST) ? FIRST : instant.isAfter(LAST) ? LAST : instant;
    }

    private static final Instant FIRST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-01-01T00:00:00Z");

    private static String month(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC)).toString();
    }

    private static String day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String minute(Instant instant) {
        // Always HH:mm (LocalDateTime's own form drops zero seconds but keeps a non-zero one).
        LocalDateTime t = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC);
        return String.format("%sT%02d:%02d", t.toLocalDate(), t.getHour(), t.getMinute());
    }
}
