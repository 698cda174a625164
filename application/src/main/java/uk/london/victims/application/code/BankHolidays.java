package uk.london.victims.application.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.london.victims.domain.code.WorkingDayCalendar;

/**
 * England and Wales bank holidays, read from the GOV.UK calendar format: either the whole feed
 * ({@code {"england-and-wales": {"division": …, "events": [{"date": "2024-12-25", "title": …}, …]}, …}}) or
 * that one division on its own, which is how the shipped copy is kept.
 *
 * <p>The list is taken as complete for every year from its first to its last, so it is refused if any year
 * in between has fewer than the eight bank holidays England and Wales has every year: a year with a missing
 * bank holiday would count that day as a working day.
 */
public final class BankHolidays {

    public static final String DIVISION = "england-and-wales";
    /** The project's own copy, on the classpath. */
    public static final String SHIPPED_RESOURCE = "reference/bank-holidays-england-and-wales.json";
    /** Eight regular bank holidays a year since 1978; one-offs only add to them. */
    static final int FEWEST_IN_A_YEAR = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NavigableSet<LocalDate> dates;

    private BankHolidays(Collection<LocalDate> dates) {
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("no bank holidays listed");
        }
        TreeSet<LocalDate> sorted = new TreeSet<>(dates);
        Map<Integer, Integer> perYear = new TreeMap<>();
        for (int year = sorted.first().getYear(); year <= sorted.last().getYear(); year++) {
            perYear.put(year, 0);
        }
        sorted.forEach(date -> perYear.merge(date.getYear(), 1, Integer::sum));
        perYear.forEach((year, count) -> {
            if (count < FEWEST_IN_A_YEAR) {
                throw new IllegalArgumentException(year + " lists " + count + " bank holidays, fewer than the "
                        + FEWEST_IN_A_YEAR + " England and Wales has every year: the list is incomplete");
            }
        });
        this.dates = Collections.unmodifiableNavigableSet(sorted);
    }

    /** The copy shipped with the service. */
    public static BankHolidays shipped() {
        try (InputStream json = BankHolidays.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException("The bank-holiday calendar " + SHIPPED_RESOURCE
                                                + " is missing from the classpath");
            }
            return parse(json);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new IllegalStateException("The shipped bank-holiday calendar " + SHIPPED_RESOURCE
                                            + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * @throws IllegalArgumentException when the JSON is not an England and Wales bank-holiday calendar, or
     *                                  leaves a year incomplete
     */
    public static BankHolidays parse(InputStream json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a bank-holiday calendar: expected a JSON object");
        }
        JsonNode division = root.has("events") ? root : root.path(DIVISION);
        if (!division.isObject()) {
            throw new IllegalArgumentException("no \"" + DIVISION + "\" division in the bank-holiday calendar");
        }
        JsonNode name = division.path("division");
        if (!name.isMissingNode() && !DIVISION.equals(name.asText())) {
            throw new IllegalArgumentException("the bank holidays are for \"" + name.asText() + "\", not \""
                                               + DIVISION + "\"");
        }
        JsonNode events = division.path("events");
        if (!events.isArray()) {
            throw new IllegalArgumentException("no \"events\" list in the bank-holiday calendar");
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (JsonNode event : events) {
            String date = event.path("date").asText("");
            try {
                dates.add(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("a bank holiday has no valid date: " + event, e);
            }
        }
        return new BankHolidays(dates);
    }

    /** Every date in either list. */
    public BankHolidays union(BankHolidays other) {
        TreeSet<LocalDate> both = new TreeSet<>(dates);
        both.addAll(other.dates);
        return new BankHolidays(both);
    }

    public NavigableSet<LocalDate> dates() {
        return dates;
    }

    /** Covering 1 January of the first year listed to 31 December of the last. */
    public WorkingDayCalendar toCalendar() {
        return new WorkingDayCalendar(dates, LocalDate.of(dates.first().getYear(), 1, 1),
                LocalDate.of(dates.last().getYear(), 12, 31));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BankHolidays that && dates.equals(that.dates);
    }

    @Override
    public int hashCode() {
        return dates.hashCode();
    }

    @Override
    public String toString() {
        return dates.size() + " bank holidays, " + dates.first().getYear() + " to " + dates.last().getYear();
    }
}
