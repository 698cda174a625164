package uk.london.victims.domain.cases;

/** How a victim was told something. */
public enum ContactChannel {
    PORTAL,
    EMAIL,
    SMS,
    PHONE,
    LETTER,
    VISIT
}
