package uk.london.victims.domain.cases;

/** The probation Victim Contact Scheme after sentence. */
public enum VictimContactSchemeStep {
    ELIGIBLE,
    REFERRED,
    FIRST_CONTACT,
    OPTED_IN,
    OPTED_OUT
}
