package uk.london.victims.domain.cases;

/** Offence groups as the police record them (after the Home Office counting rules' main classes). */
public enum OffenceCategory {
    HOMICIDE,
    VIOLENCE_WITH_INJURY,
    VIOLENCE_WITHOUT_INJURY,
    STALKING_AND_HARASSMENT,
    SEXUAL_OFFENCE,
    ROBBERY,
    BURGLARY_RESIDENTIAL,
    BURGLARY_BUSINESS,
    VEHICLE_OFFENCE,
    THEFT,
    CRIMINAL_DAMAGE_AND_ARSON,
    FRAUD,
    PUBLIC_ORDER,
    POSSESSION_OF_WEAPONS,
    DRUG_OFFENCE,
    MODERN_SLAVERY,
    KIDNAP_OR_FALSE_IMPRISONMENT,
    OTHER
}
