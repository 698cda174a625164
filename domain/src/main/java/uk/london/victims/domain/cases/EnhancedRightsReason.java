package uk.london.victims.domain.cases;

/**
 * Why a victim is owed enhanced rights under the Victims' Code. The first six are the gateway as the needs
 * assessment has always recorded it; the finer categories name the Code's own wording, so a figure can
 * say which of them applied.
 */
public enum EnhancedRightsReason {
    MOST_SERIOUS_CRIME,
    PERSISTENTLY_TARGETED,
    VULNERABLE,
    INTIMIDATED,
    UNDER_18,
    BEREAVED_BY_CRIME,
    /** Vulnerable: a mental disorder within the Mental Health Act 1983. */
    MENTAL_DISORDER,
    /** Vulnerable: a significant impairment of intelligence and social functioning. */
    IMPAIRED_INTELLIGENCE_OR_SOCIAL_FUNCTIONING,
    /** Vulnerable: a physical disability or disorder. */
    PHYSICAL_DISABILITY,
    /** Intimidated: fear or distress about giving evidence. */
    FEAR_OR_DISTRESS_ABOUT_GIVING_EVIDENCE,
    /** The 2020 Code lets an agency give enhanced rights to a victim outside the categories, with a reason. */
    DISCRETION
}
