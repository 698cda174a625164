package uk.london.victims.domain.code;

/**
 * Where a rule's time limit comes from. Only {@link #CODE} and {@link #SCHEME} limits can be breached in
 * the Code's sense; a missed {@link #LOCAL_STANDARD} is a service standard not met, and the review keeps
 * the two apart.
 */
public enum RuleBasis {
    /** The Victims' Code's own text sets the limit (edition and paragraph in the rule's source). */
    CODE,
    /** A national scheme the Code gives effect to sets it (e.g. the CPS Victims' Right to Review). */
    SCHEME,
    /** A service standard of this force or a national counting rule: the Code sets no time limit. */
    LOCAL_STANDARD
}
