package uk.london.victims.domain.code;

/** How sure the rule data is: HIGH stated by the Code or two official sources, MEDIUM one source, LOW inferred. */
public enum Confidence {
    HIGH,
    MEDIUM,
    LOW
}
