package uk.london.victims.domain.cases;

/** The restorative justice lifecycle (Restore:London), each step recorded as it happens. */
public enum RestorativeJusticeStep {
    OFFERED,
    REQUESTED_BY_VICTIM,
    REFERRED_TO_PROVIDER,
    ASSESSED,
    VICTIM_CONSENTED,
    OFFENDER_CONSENTED,
    CONFERENCE_HELD,
    INDIRECT_COMMUNICATION_HELD,
    OUTCOME_RECORDED,
    CLOSED
}
