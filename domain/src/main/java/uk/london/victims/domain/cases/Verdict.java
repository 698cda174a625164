package uk.london.victims.domain.cases;

/** The verdict on a defendant. */
public enum Verdict {
    GUILTY,
    NOT_GUILTY
}
