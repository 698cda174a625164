package uk.london.victims.domain.cases;

/** A complaint's progress. */
public enum ComplaintStep {
    ACKNOWLEDGED,
    ANSWERED,
    ESCALATED
}
