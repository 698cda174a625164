package uk.london.victims.domain.cases;

/** Main sentence types. */
public enum SentenceType {
    IMMEDIATE_CUSTODY,
    SUSPENDED_SENTENCE,
    COMMUNITY_ORDER,
    FINE,
    DISCHARGE,
    HOSPITAL_ORDER,
    OTHER
}
