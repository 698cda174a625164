package uk.london.victims.domain.cases;

/** What a review of a decision concluded. */
public enum ReviewOutcome {
    DECISION_UPHELD,
    DECISION_OVERTURNED
}
