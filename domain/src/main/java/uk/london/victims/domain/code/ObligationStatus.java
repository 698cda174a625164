package uk.london.victims.domain.code;

/** Where an obligation stands as of a date. */
public enum ObligationStatus {
    MET_ON_TIME,
    MET_LATE,
    /** Not met, not yet due. */
    OPEN,
    /** Not met, past its deadline: a breach (of the Code, or of a local standard: see the obligation's basis). */
    OVERDUE,
    WAIVED,
    /** The clock has not started: Witness Care has not recorded receiving the court's information yet. */
    AWAITING_CLOCK,
    /**
     * Not met because the victim has not yet given the explicit consent the Code requires first (a referral
     * to support after a sexual offence, domestic abuse or a bereavement): neither met nor a breach.
     */
    AWAITING_CONSENT
}
