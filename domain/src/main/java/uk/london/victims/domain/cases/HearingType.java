package uk.london.victims.domain.cases;

/** Kinds of court hearing the victim may need to know about. */
public enum HearingType {
    FIRST_APPEARANCE,
    BAIL_HEARING,
    PLEA_AND_TRIAL_PREPARATION,
    TRIAL,
    SENTENCING,
    APPEAL,
    OTHER
}
