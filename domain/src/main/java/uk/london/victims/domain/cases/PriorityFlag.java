package uk.london.victims.domain.cases;

/** The Police and Crime Plan's priority groups, recorded on the crime; a crime may carry several. */
public enum PriorityFlag {
    DOMESTIC_ABUSE,
    SEXUAL_VIOLENCE,
    CHILD_SEXUAL_EXPLOITATION,
    WEAPON_BASED,
    HATE_CRIME,
    MODERN_SLAVERY,
    TERRORISM,
    HONOUR_BASED_ABUSE,
    VIOLENCE_AGAINST_WOMEN_AND_GIRLS,
    ANTISOCIAL_BEHAVIOUR_RELATED
}
