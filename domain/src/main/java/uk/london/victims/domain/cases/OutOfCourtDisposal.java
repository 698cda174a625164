package uk.london.victims.domain.cases;

/** Disposals given without prosecution; cautions need an admission. */
public enum OutOfCourtDisposal {
    SIMPLE_CAUTION,
    CONDITIONAL_CAUTION,
    COMMUNITY_RESOLUTION,
    PENALTY_NOTICE
}
