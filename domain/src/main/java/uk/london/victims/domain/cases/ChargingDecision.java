package uk.london.victims.domain.cases;

/** What the CPS decided when a file reached it. */
public enum ChargingDecision {
    CHARGE,
    NO_FURTHER_ACTION,
    FURTHER_EVIDENCE_REQUIRED
}
