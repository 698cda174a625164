package uk.london.victims.domain.code;

import java.time.Duration;
import java.time.Instant;

import uk.london.victims.domain.cases.Agency;

/**
 * What one agency owed one victim (or, for a chained clock, another agency) because of one event, and
 * whether it was given: everything an auditor needs to defend the figure.
 *
 * @param triggerSequence  the case event that opened it
 * @param victimId         the victim owed it; null for an agency-to-agency clock
 * @param enhanced         whether the victim had enhanced rights when the clock started
 * @param clockStart       when the clock started; null while awaiting Witness Care's receipt
 * @param deadline         the end of the limit; null while the clock has not started
 * @param evidenceSequence the case event that met it, if any
 * @param metAt            when that happened in the world
 * @param timeToMeet       from clock start to met
 */
public record Obligation(String ruleId, String right, String obligation, Agency owner, String edition,
                         Confidence confidence, long triggerSequence, String trigger, String victimId, boolean enhanced,
                         Instant clockStart, Instant deadline, ObligationStatus status, WaiverReason waivedFor,
                         Long evidenceSequence, Instant metAt, Duration timeToMeet) {
}
