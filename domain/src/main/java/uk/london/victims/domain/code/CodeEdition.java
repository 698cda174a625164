package uk.london.victims.domain.code;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One edition of the Victims' Code as a rule set.
 *
 * @param inForceUntil the last day it applied; null while it is current
 */
public record CodeEdition(String id, String title, LocalDate inForceFrom, LocalDate inForceUntil, List<CodeRule> rules) {

    public CodeEdition {
        Objects.requireNonNull(id, "edition id");
        Objects.requireNonNull(inForceFrom, "inForceFrom of edition " + id);
        if (inForceUntil != null && inForceUntil.isBefore(inForceFrom)) {
            throw new IllegalArgumentException("Edition " + id + " ends before it starts");
        }
        rules = List.copyOf(rules);
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(inForceFrom) && (inForceUntil == null || !date.isAfter(inForceUntil));
    }
}
