package uk.london.victims.domain.code;

/** How a Code time limit is counted. */
public enum LimitUnit {
    /** By the end of the n-th working day (Mon–Fri, not a bank holiday, Europe/London) after the clock started. */
    WORKING_DAYS,
    /** n hours after the clock started. */
    HOURS
}
