package uk.london.victims.domain.cases;

/** Where a case stands, derived from its events. */
public enum CaseStatus {
    REPORTED,
    RECORDED,
    NOT_INVESTIGATED,
    UNDER_INVESTIGATION,
    WITH_CPS,
    CHARGED,
    AT_COURT,
    CONVICTED,
    ACQUITTED,
    SENTENCED,
    FILED,
    CLOSED
}
