package uk.london.victims.domain.cases;

/**
 * Someone who follows the case for a victim with the victim's consent. Parents of child victims and
 * bereaved families are victims in their own right ({@link VictimKind}) and need no consent.
 */
public enum DelegateRole {
    INDEPENDENT_SEXUAL_VIOLENCE_ADVISER,
    INDEPENDENT_DOMESTIC_VIOLENCE_ADVISER,
    HATE_CRIME_ADVOCATE,
    FAMILY_SPOKESPERSON
}
