package uk.london.victims.domain.code;

/** What starts an obligation's clock. */
public enum ClockStart {
    /** The real-world time of the triggering event. */
    EVENT,
    /** The Witness Care Unit's receipt of the triggering court or CPS event (the chained clock). */
    WITNESS_CARE_RECEIPT
}
