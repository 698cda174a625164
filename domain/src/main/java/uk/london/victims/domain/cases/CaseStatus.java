package uk.london.victims.domain.cases;

/** Where a case stands: the latest stage its events reached (for several suspects, the latest step of any). */
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
    APPEAL_PENDING,
    APPEAL_ALLOWED,
    NO_FURTHER_ACTION,
    OUT_OF_COURT_DISPOSAL,
    PROSECUTION_STOPPED,
    FILED,
    CLOSED
}
