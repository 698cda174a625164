package uk.london.victims.domain.code;

/** What meets an obligation. */
public enum EvidenceKind {
    /** A "victim informed" event for the victim, linked to the trigger (or to Witness Care's receipt of it). */
    VICTIM_INFORMED,
    /** Witness Care's receipt of the trigger: the court's or CPS's part of the chained clock. */
    WITNESS_CARE_RECEIPT,
    /** Any of the rule's evidence events, for the victim where the event names one, at or after the clock start. */
    EVENT
}
