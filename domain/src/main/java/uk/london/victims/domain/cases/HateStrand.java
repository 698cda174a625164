package uk.london.victims.domain.cases;

/** The monitored hate crime strands; a hate crime names at least one. */
public enum HateStrand {
    RACE,
    RELIGION_OR_BELIEF,
    SEXUAL_ORIENTATION,
    DISABILITY,
    TRANSGENDER_IDENTITY,
    ALTERNATIVE_SUBCULTURE,
    SEX_OR_GENDER
}
