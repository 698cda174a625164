package uk.london.victims.domain.cases;

/** The stages of the journey a victim is asked about, as the Police and Crime Plan measures satisfaction. */
public enum ServiceStage {
    REPORTING,
    INVESTIGATION,
    CHARGING_DECISION,
    COURT,
    AFTER_SENTENCE,
    RESTORATIVE_JUSTICE
}
