package uk.london.victims.application.code;

import java.util.Objects;
import java.util.function.Supplier;

import uk.london.victims.domain.code.WorkingDayCalendar;

/**
 * The working-day calendar in force. A {@link WorkingDayCalendar} is immutable, so a refresh swaps in a new
 * one here: ask {@link #current()} for each computation rather than keeping the calendar.
 *
 * <p>Modules that may not see the application module (projections) can inject it as a
 * {@code Supplier<WorkingDayCalendar>}.
 */
public final class CalendarSource implements Supplier<WorkingDayCalendar> {

    /** One reference, so that a reader never sees the calendar of one refresh with the dates of another. */
    private record InForce(BankHolidays bankHolidays, WorkingDayCalendar calendar) {
    }

    private final BankHolidays shipped;
    private volatile InForce inForce;

    public CalendarSource(BankHolidays shipped) {
        this.shipped = Objects.requireNonNull(shipped, "shipped");
        this.inForce = new InForce(shipped, shipped.toCalendar());
    }

    public WorkingDayCalendar current() {
        return inForce.calendar();
    }

    @Override
    public WorkingDayCalendar get() {
        return current();
    }

    /** The bank holidays behind {@link #current()}. */
    public BankHolidays bankHolidays() {
        return inForce.bankHolidays();
    }

    /**
     * Puts in force the shipped bank holidays together with the fetched ones. A fetched list never removes a
     * shipped date: a feed that has dropped its older years, or lost a date, must not turn a bank holiday
     * into a working day.
     *
     * @return the bank holidays now in force
     */
    synchronized BankHolidays merge(BankHolidays fetched) {
        BankHolidays merged = shipped.union(fetched);
        inForce = new InForce(merged, merged.toCalendar());
        return merged;
    }

    BankHolidays shipped() {
        return shipped;
    }
}
