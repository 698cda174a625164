package uk.london.victims.domain.cases;

/** How a person is a victim in this case. */
public enum VictimKind {
    DIRECT_VICTIM,
    BEREAVED_FAMILY_MEMBER,
    PARENT_OR_GUARDIAN_OF_CHILD_VICTIM,
    BUSINESS_CONTACT
}
