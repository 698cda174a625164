package uk.london.victims.projections.obligations;

import uk.london.victims.domain.code.Obligation;

/**
 * One thing to do before it becomes a breach.
 *
 * @param urgency OVERDUE, DUE_TODAY, DUE_SOON or LATER; AWAITING_CLOCK while Witness Care has not yet received it
 */
public record WorkItemView(String caseId, String crimeReference, String bcu, String officerId, java.util.List<String> units,
                           String urgency, Obligation obligation) {
}
