package uk.london.victims.domain.code;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import uk.london.victims.domain.cases.Agency;
import uk.london.victims.domain.cases.EnhancedRightsReason;

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
 * @param basis            whether the Code, a scheme or a local service standard set the limit: a missed local
 *                         standard is never a breach of the Code
 * @param enhancedBecause  the Code's categories that gave the victim enhanced rights when the clock started (empty
 *                         when standard)
 */
public record Obligation(String ruleId, String right, String obligation, Agency owner, String edition,
                         Confidence confidence, long triggerSequence, String trigger, String victimId, boolean enhanced,
                         Instant clockStart, Instant deadline, ObligationStatus status, WaiverReason waivedFor,
                         Long evidenceSequence, Instant metAt, Duration timeToMeet, RuleBasis basis,
                         List<EnhancedRightsReason> enhancedBecause) {

    public Obligation {
        enhancedBecause = enhancedBecause == null ? List.of() : List.copyOf(enhancedBecause);
    }

    /** The same obligation in another status (e.g. an open one judged overdue at a later instant). */
    public Obligation withStatus(ObligationStatus newStatus) {
        return new Obligation(ruleId, right, obligation, owner, edition, confidence, triggerSequence, trigger, victimId, enhanced,
                clockStart, deadline, newStatus, waivedFor, evidenceSequence, metAt, timeToMeet, basis, enhancedBecause);
    }

    /** Past its deadline and unmet under a limit the Code (or a scheme it gives effect to) sets. */
    public boolean codeBreach() {
        return status == ObligationStatus.OVERDUE && basis != RuleBasis.LOCAL_STANDARD;
    }
}
