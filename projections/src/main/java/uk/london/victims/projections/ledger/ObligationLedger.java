package uk.london.victims.projections.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationEvaluator;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.projections.review.CaseAttributes;
import uk.london.victims.projections.review.ReviewDimension;

/**
 * The ledger's logic, with no storage: given a case's facts after its newest event, the rule engine
 * ({@link ObligationEvaluator}, the one definition of the rules) says what the case owes; every obligation
 * whose time-independent description changed gets a revision stamped with the newest event's recorded-at
 * instant. "As known at X" is then the revision in force at X, judged at X: what the evaluator gives for
 * the facts recorded by X.
 */
public final class ObligationLedger {

    /** An as-of after every deadline: all unmet obligations come back OVERDUE and are stored as OPEN. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final ObligationEvaluator evaluator;

    public ObligationLedger(ObligationEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The case's entries after applying its newest fact, and the keys of those that gained a revision. */
    public record Applied(Map<String, LedgerEntry> entries, Set<String> changed) {
    }

    /**
     * @param entries the case's entries before the newest fact (empty for a new case)
     * @param facts   every fact of the case so far, the newest included
     */
    public Applied apply(Map<String, LedgerEntry> entries, List<CaseFact> facts) {
        CaseFact newest = facts.stream().max(Comparator.comparingLong(CaseFact::sequence)).orElseThrow();
        // Recorded-at instants of one case follow its sequence; if two instances' clocks disagreed, a revision
        // still never goes back before its predecessor (an as-of answer would otherwise skip it).
        Instant stamp = entries.values().stream().map(e -> e.current().recordedAt())
                               .reduce(newest.recordedAt(), (a, b) -> a.isAfter(b) ? a : b);
        List<Obligation> owed = evaluator.evaluate(facts, END_OF_TIME);
        CaseAttributes attributes = CaseAttributes.of(facts);
        Map<String, LedgerEntry> next = new LinkedHashMap<>(entries);
        Set<String> changed = new LinkedHashSet<>();
        Set<String> present = new LinkedHashSet<>();
        for (int position = 0; position < owed.size(); position++) {
            Obligation obligation = stored(owed.get(position));
            String key = key(obligation);
            present.add(key);
            Map<ReviewDimension, List<String>> groups = attributes.groups(obligation);
            LedgerEntry entry = next.get(key);
            LedgerRevision current = entry == null ? null : entry.current();
            boolean same = current != null && Objects.equals(current.obligation(), obligation)
                           && Objects.equals(current.groups(), groups);
            LedgerRevision revision = same ? null : new LedgerRevision(stamp, newest.sequence(), obligation, groups);
            if (revision != null) {
                changed.add(key);
            }
            next.put(key, entry == null ? new LedgerEntry(key, position, List.of(revision)) : entry.with(position, revision));
        }
        for (LedgerEntry entry : entries.values()) {
            if (!present.contains(entry.key()) && entry.current().obligation() != null) {
                next.put(entry.key(), entry.with(entry.position(), new LedgerRevision(stamp, newest.sequence(), null, Map.of())));
                changed.add(entry.key());
            }
        }
        return new Applied(next, changed);
    }

    /** The case's obligations as known and judged at {@code asOf}, in the rule engine's order. */
    public static List<Obligation> asOf(Iterable<LedgerEntry> entries, Instant asOf) {
        List<LedgerEntry> sorted = new ArrayList<>();
        entries.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(LedgerEntry::position));
        return sorted.stream().map(e -> e.obligationAt(asOf)).flatMap(Optional::stream).toList();
    }

    /** Identity: rule, triggering event, victim. */
    public static String key(Obligation o) {
        return o.ruleId() + "|" + o.triggerSequence() + "|" + (o.victimId() == null ? "-" : o.victimId());
    }

    /** A stored (open) obligation as it stands at {@code asOf}: overdue once its deadline has passed. */
    public static Obligation judged(Obligation stored, Instant asOf) {
        if (stored.status() == ObligationStatus.OPEN && stored.deadline() != null && asOf.isAfter(stored.deadline())) {
            return stored.withStatus(ObligationStatus.OVERDUE);
        }
        return stored;
    }

    private static Obligation stored(Obligation evaluated) {
        return evaluated.status() == ObligationStatus.OVERDUE ? evaluated.withStatus(ObligationStatus.OPEN)
                : evaluated;
    }
}
