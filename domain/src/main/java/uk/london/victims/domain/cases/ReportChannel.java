package uk.london.victims.domain.cases;

/** How the crime reached the police. */
public enum ReportChannel {
    PHONE_999,
    PHONE_101,
    ONLINE,
    FRONT_COUNTER,
    THIRD_PARTY
}
