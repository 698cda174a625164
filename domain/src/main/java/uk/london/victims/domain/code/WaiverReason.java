package uk.london.victims.domain.code;

/** Why an obligation is not owed after all: rights are offered, not imposed. */
public enum WaiverReason {
    /** The victim declined (updates, a statement, a referral, the Victim Contact Scheme). */
    DECLINED,
    /** No channel is safe to contact the victim by. */
    NOT_SAFE_TO_CONTACT
}
