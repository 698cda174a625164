package uk.london.victims.domain.code;

/** Where an obligation stands as of a date. */
public enum ObligationStatus {
    MET_ON_TIME,
    MET_LATE,
    /** Not met, not yet due. */
    OPEN,
    /** Not met, past its deadline: a breach. */
    OVERDUE,
    WAIVED,
    /** The clock has not started: Witness Care has not recorded receiving the court's information yet. */
    AWAITING_CLOCK
}
