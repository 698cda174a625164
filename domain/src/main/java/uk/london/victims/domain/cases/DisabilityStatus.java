package uk.london.victims.domain.cases;

/** Self-declared disability. */
public enum DisabilityStatus {
    DISABLED,
    NOT_DISABLED,
    PREFER_NOT_TO_SAY
}
