package uk.london.victims.web.api;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Instants in API answers, written as {@link Instant#toString()} writes them (what Jackson's own serializer writes
 * too), without going through {@code DateTimeFormatter}: a work list of 200 items holds about 800 of them, and
 * formatting them that way was 5% of its CPU under 20 readers (issue 10). Years 0000–9999 are written here; any
 * other is left to {@code toString}, so the text is always the same.
 */
final class InstantJson extends StdSerializer<Instant> {

    /** The first and last second of years 0000 to 9999. */
    private static final long FIRST = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
    private static final long LAST = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400 + 86_399;

    InstantJson() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        char[] text = new char[30];
        int length = format(value, text);
        if (length < 0) {
            generator.writeString(value.toString());
        } else {
            generator.writeString(text, 0, length);
        }
    }

    /** Writes the instant's text into {@code text} (30 characters) and returns its length; -1 outside years 0000–9999. */
    static int format(Instant instant, char[] text) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST || seconds > LAST) {
            return -1;
        }
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        int at = digits(text, 0, date.getYear(), 4);
        text[at++] = '-';
        at = digits(text, at, date.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, date.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, secondOfDay / 3600, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay / 60 % 60, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay % 60, 2);
        int nano = instant.getNano();
        if (nano != 0) {
            // As ISO_INSTANT: the fraction in groups of three digits, as many groups as it needs.
            text[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(text, at, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                at = digits(text, at, nano / 1000, 6);
            } else {
                at = digits(text, at, nano, 9);
            }
        }
        text[at++] = 'Z';
        return at;
    }

    private static int digits(char[] text, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            text[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
