package uk.london.victims.domain.cases;

/** Decisions the victim has a right to ask to be reviewed. */
public enum ReviewableDecision {
    POLICE_NO_FURTHER_ACTION,
    CPS_NO_CHARGE,
    CPS_DISCONTINUANCE,
    CPS_NO_EVIDENCE_OFFERED
}
