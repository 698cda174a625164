package uk.london.victims.domain.cases;

/**
 * Offence groups as the police record them (after the Home Office counting rules' main classes), with the
 * offences the Victims' Code names as the most serious crime where a main class would hide them (attempted
 * murder, wounding or GBH with intent, arson with intent to endanger life).
 */
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
    OTHER,
    ATTEMPTED_MURDER,
    WOUNDING_OR_GBH_WITH_INTENT,
    ARSON_ENDANGERING_LIFE
}
