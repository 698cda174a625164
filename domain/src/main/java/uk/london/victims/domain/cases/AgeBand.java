package uk.london.victims.domain.cases;

/** Self-declared age band. */
public enum AgeBand {
    UNDER_18,
    AGE_18_24,
    AGE_25_34,
    AGE_35_44,
    AGE_45_54,
    AGE_55_64,
    AGE_65_PLUS,
    PREFER_NOT_TO_SAY
}
