package uk.london.victims.domain.code;

import java.util.List;

/**
 * Kinds of case or victim named by the rule data: an offence category, a priority flag on the crime, or
 * the way a person is a victim. A case matches when any one of them applies.
 */
public record CaseCategories(List<String> offences, List<String> priorityFlags, List<String> victimKinds) {

    public static final CaseCategories NONE = new CaseCategories(List.of(), List.of(), List.of());

    public CaseCategories {
        offences = offences == null ? List.of() : List.copyOf(offences);
        priorityFlags = priorityFlags == null ? List.of() : List.copyOf(priorityFlags);
        victimKinds = victimKinds == null ? List.of() : List.copyOf(victimKinds);
    }

    public boolean isEmpty() {
        return offences.isEmpty() && priorityFlags.isEmpty() && victimKinds.isEmpty();
    }

    /** Whether the crime (as classified at the time) or the victim's kind is one of these. */
    public boolean matches(String offence, List<String> flags, String victimKind) {
        return (offence != null && offences.contains(offence))
               || flags.stream().anyMatch(priorityFlags::contains)
               || (victimKind != null && victimKinds.contains(victimKind));
    }
}
