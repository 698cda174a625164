package uk.london.victims.domain.cases;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.eventhandling.GenericEventMessage;

/** Checks the real-world time a caller gives for something that happened. */
final class RealWorldTime {

    /** Agency systems' clocks drift; a time this far ahead of ours is still accepted. */
    static final Duration CLOCK_SKEW_ALLOWED = Duration.ofMinutes(2);
    /** Non-recent reports (historic abuse) reach back decades, but not before this. */
    static final Instant EARLIEST_PLAUSIBLE = Instant.parse("1900-01-01T00:00:00Z");

    private RealWorldTime() {
    }

    /**
     * "Now" is Axon's clock, the one that stamps each event's recording time, so an event can never be
     * accepted as having happened after it was recorded (beyond the allowed skew).
     */
    static void requirePlausible(Instant occurredAt, Instant notBefore) {
        Instant now = GenericEventMessage.clock.instant();
        if (occurredAt == null) {
            throw new CaseRuleViolationException("occurred-at-missing", "Say when this happened (occurredAt)");
        }
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW_ALLOWED))) {
            throw new CaseRuleViolationException("occurred-at-in-future", "occurredAt is in the future");
        }
        if (occurredAt.isBefore(notBefore)) {
            throw new CaseRuleViolationException("occurred-at-before-report",
                    "occurredAt is before the crime was reported (" + notBefore + ")");
        }
    }
}
