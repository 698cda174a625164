package uk.london.victims.application.notifications;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import uk.london.victims.domain.code.WorkingDayCalendar;

/** Hours, London time, when no text message is sent; they may wrap midnight (21:00 to 08:00). */
record QuietHours(LocalTime from, LocalTime until) {

    /** {@code now} itself outside quiet hours, otherwise their end. */
    Instant nextSendable(Instant now) {
        ZonedDateTime local = now.atZone(WorkingDayCalendar.LONDON);
        LocalTime time = local.toLocalTime();
        boolean wraps = from.isAfter(until);
        boolean quiet = wraps ? !time.isBefore(from) || time.isBefore(until) : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return now;
        }
        ZonedDateTime end = local.with(until);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
