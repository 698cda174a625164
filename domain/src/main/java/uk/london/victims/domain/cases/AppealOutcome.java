package uk.london.victims.domain.cases;

/** What an appeal concluded. */
public enum AppealOutcome {
    DISMISSED,
    ALLOWED,
    ABANDONED
}
