package uk.london.victims.projections.support;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants read back from the text {@link Instant#toString()} wrote into read-model documents. Read models store
 * instants as that text (exact to the nanosecond, unlike a BSON date), and a work list of 200 items parses about
 * 800 of them per request: {@link Instant#parse} goes through the general {@code DateTimeFormatter} machinery and
 * was a fifth of the work list's own time (issue 10). The form {@code toString} writes for years 0000–9999,
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, is read here directly; anything else is left to {@link Instant#parse},
 * so the answer (or the error) is always the one it would give.
 */
public final class IsoInstants {

    private IsoInstants() {
    }

    public static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
            || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nano = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return Instant.parse(text);
            }
            nano = digits(text, 20, length - 1);
            for (int i = fraction; i < 9 && nano >= 0; i++) {
                nano *= 10;
            }
        }
        if ((year | month | day | hour | minute | second | nano) < 0 || hour > 23 || minute > 59 || second > 59) {
            return Instant.parse(text);
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nano);
        } catch (DateTimeException e) {
            return Instant.parse(text);
        }
    }

    /**
     * An instant as nanoseconds since the epoch, the form read models keep where the store must compare instants
     * ({@code $min}, ranges); instants beyond what a long holds (before 1677, after 2262: none a recording carries)
     * saturate.
     */
    public static long toNanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The inverse of {@link #toNanos}. */
    public static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** The decimal number in {@code text[from, to)}, or -1 if any of it is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
