package uk.london.victims.domain.cases;

/** Why a victim is owed enhanced rights under the Victims' Code (the gateway at the needs assessment). */
public enum EnhancedRightsReason {
    MOST_SERIOUS_CRIME,
    PERSISTENTLY_TARGETED,
    VULNERABLE,
    INTIMIDATED,
    UNDER_18,
    BEREAVED_BY_CRIME
}
