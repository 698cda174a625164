package uk.london.victims.domain.code;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One edition of the Victims' Code as a rule set.
 *
 * @param inForceUntil   the last day it applied; null while it is current
 * @param enhancedRights who has enhanced rights under this edition
 */
public record CodeEdition(String id, String title, LocalDate inForceFrom, LocalDate inForceUntil, List<CodeRule> rules,
                          EnhancedRights enhancedRights) {

    public CodeEdition {
        Objects.requireNonNull(id, "edition id");
        Objects.requireNonNull(inForceFrom, "inForceFrom of edition " + id);
        if (inForceUntil != null && inForceUntil.isBefore(inForceFrom)) {
            throw new IllegalArgumentException("Edition " + id + " ends before it starts");
        }
        rules = List.copyOf(rules);
        enhancedRights = enhancedRights == null ? EnhancedRights.ASSESSED_ONLY : enhancedRights;
    }

    public CodeEdition(String id, String title, LocalDate inForceFrom, LocalDate inForceUntil, List<CodeRule> rules) {
        this(id, title, inForceFrom, inForceUntil, rules, null);
    }

    public CodeEdition withRules(List<CodeRule> newRules) {
        return new CodeEdition(id, title, inForceFrom, inForceUntil, newRules, enhancedRights);
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(inForceFrom) && (inForceUntil == null || !date.isAfter(inForceUntil));
    }
}
