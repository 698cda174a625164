package uk.london.victims.domain.cases;

/** How a victim came to be recorded as persistently targeted. */
public enum PersistentTargetingSource {
    /** The service found the same person recorded as a victim in other cases within the configured period. */
    REPEAT_VICTIMISATION,
    /** An officer assessed it (the Code's category is not only a count of cases). */
    OFFICER_ASSESSMENT
}
