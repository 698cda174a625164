package uk.london.victims.domain.cases;

/** What came of a hearing. */
public enum HearingOutcome {
    ADJOURNED,
    BAILED,
    REMANDED_IN_CUSTODY,
    GUILTY_PLEA,
    NOT_GUILTY_PLEA,
    SENT_TO_CROWN_COURT,
    TRIAL_EFFECTIVE,
    TRIAL_CRACKED,
    TRIAL_INEFFECTIVE,
    /** The defendant did not attend and the court issued a warrant for their arrest. */
    WARRANT_ISSUED
}
