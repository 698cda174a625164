package uk.london.victims.domain.code;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The England and Wales working days the Victims' Code deadlines are counted in: Monday to Friday, less
 * bank holidays, each instant counted on its Europe/London date.
 *
 * <p>The calendar only answers for the dates its bank-holiday list covers. Outside them it throws rather
 * than guess, because a bank holiday it does not know of would silently be counted as a working day and
 * bring a deadline forward.
 */
public final class WorkingDayCalendar {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final NavigableSet<LocalDate> bankHolidays;
    private final LocalDate coveredFrom;
    private final LocalDate coveredUntil;

    /**
     * @param bankHolidays every bank holiday between coveredFrom and coveredUntil, both included
     * @param coveredFrom  the first date the list is complete for
     * @param coveredUntil the last date the list is complete for
     */
    public WorkingDayCalendar(Collection<LocalDate> bankHolidays, LocalDate coveredFrom, LocalDate coveredUntil) {
        Objects.requireNonNull(bankHolidays, "bankHolidays");
        this.coveredFrom = Objects.requireNonNull(coveredFrom, "coveredFrom");
        this.coveredUntil = Objects.requireNonNull(coveredUntil, "coveredUntil");
        if (coveredUntil.isBefore(coveredFrom)) {
            throw new IllegalArgumentException(
                    "coveredUntil " + coveredUntil + " is before coveredFrom " + coveredFrom);
        }
        TreeSet<LocalDate> holidays = new TreeSet<>();
        for (LocalDate holiday : bankHolidays) {
            Objects.requireNonNull(holiday, "a bank holiday is null");
            if (holiday.isBefore(coveredFrom) || holiday.isAfter(coveredUntil)) {
                // A list that reaches beyond the coverage it claims is most likely a coverage mistake.
                throw new IllegalArgumentException("bank holiday " + holiday + " lies outside the coverage "
                        + coveredFrom + " to " + coveredUntil);
            }
            holidays.add(holiday);
        }
        this.bankHolidays = Collections.unmodifiableNavigableSet(holidays);
    }

    /** Monday to Friday and not a bank holiday. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        requireCovered(date);
        return !isWeekend(date) && !bankHolidays.contains(date);
    }

    /**
     * End (the last instant, 23:59:59.999999999 Europe/London) of the n-th working day after the London date
     * of start. n >= 1.
     */
    public Instant endOfNthWorkingDayAfter(Instant start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, not " + n);
        }
        LocalDate day = londonDate(start);
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return endOfDay(day);
    }

    /**
     * Working days strictly after the London date of start, up to and including the London date of end (0 if
     * end is that same day or earlier).
     */
    public int workingDaysBetween(Instant start, Instant end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        LocalDate first = londonDate(start).plusDays(1);
        LocalDate last = londonDate(end);
        if (last.isBefore(first)) {
            return 0;
        }
        requireCovered(first);
        requireCovered(last);
        long holidaysOnWeekdays = bankHolidays.subSet(first, true, last, true).stream()
                .filter(holiday -> !isWeekend(holiday))
                .count();
        return Math.toIntExact(weekdaysBetween(first, last) - holidaysOnWeekdays);
    }

    public LocalDate coveredFrom() {
        return coveredFrom;
    }

    public LocalDate coveredUntil() {
        return coveredUntil;
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[" + bankHolidays.size() + " bank holidays, covering " + coveredFrom + " to "
               + coveredUntil + "]";
    }

    private void requireCovered(LocalDate date) {
        if (date.isBefore(coveredFrom) || date.isAfter(coveredUntil)) {
            throw new IllegalStateException("Cannot tell whether " + date + " is a working day: the bank holidays "
                    + "are known only from " + coveredFrom + " to " + coveredUntil
                    + " (update the bank-holiday calendar)");
        }
    }

    private static LocalDate londonDate(Instant instant) {
        return instant.atZone(LONDON).toLocalDate();
    }

    /** Midnight London time is never skipped (clocks change at 01:00 UTC), so the day ends a nanosecond before it. */
    private static Instant endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay(LONDON).toInstant().minusNanos(1);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    /** Mondays to Fridays from first to last, both included; first is not after last. */
    private static long weekdaysBetween(LocalDate first, LocalDate last) {
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        long weekdays = days / 7 * 5;
        LocalDate day = first.plusDays(days / 7 * 7);
        for (long i = 0; i < days % 7; i++, day = day.plusDays(1)) {
            if (!isWeekend(day)) {
                weekdays++;
            }
        }
        return weekdays;
    }
}
