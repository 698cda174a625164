package uk.london.victims.domain.cases;

/** Self-declared sex. */
public enum Sex {
    FEMALE,
    MALE,
    PREFER_NOT_TO_SAY
}
