package uk.london.victims.domain.cases;

/** Self-declared ethnic group: the ONS high-level groups. */
public enum EthnicGroup {
    ASIAN_OR_ASIAN_BRITISH,
    BLACK_BLACK_BRITISH_CARIBBEAN_OR_AFRICAN,
    MIXED_OR_MULTIPLE,
    WHITE,
    OTHER_ETHNIC_GROUP,
    PREFER_NOT_TO_SAY
}
