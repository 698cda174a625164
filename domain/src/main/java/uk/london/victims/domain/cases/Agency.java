package uk.london.victims.domain.cases;

/** The agencies a victim deals with. */
public enum Agency {
    POLICE,
    CPS,
    WITNESS_CARE,
    COURT,
    PROBATION,
    RESTORATIVE_JUSTICE_PROVIDER,
    VICTIM_SUPPORT
}
