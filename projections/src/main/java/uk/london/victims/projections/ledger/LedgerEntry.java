package uk.london.victims.projections.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationStatus;

/**
 * One obligation of a case (rule, triggering event, victim) with every revision of it, oldest first.
 *
 * @param position where the rule engine lists it among the case's obligations (trigger, rule, victim order:
 *                 fixed once it exists, so it orders any as-of answer too)
 */
public record LedgerEntry(String key, int position, List<LedgerRevision> revisions) {

    public LedgerEntry {
        revisions = List.copyOf(revisions);
    }

    public LedgerRevision current() {
        return revisions.get(revisions.size() - 1);
    }

    /** The revision in force at {@code asOf}: the last recorded by then. */
    public Optional<LedgerRevision> revisionAt(Instant asOf) {
        LedgerRevision found = null;
        for (LedgerRevision revision : revisions) {
            if (revision.recordedAt().isAfter(asOf)) {
                break;
            }
            found = revision;
        }
        return Optional.ofNullable(found).filter(r -> r.obligation() != null);
    }

    /** The obligation as known and judged at {@code asOf}. */
    public Optional<Obligation> obligationAt(Instant asOf) {
        return revisionAt(asOf).map(r -> ObligationLedger.judged(r.obligation(), asOf));
    }

    /**
     * The deadlines at which it became overdue: each deadline of a revision that was open and not superseded
     * by a revision recorded by that instant (one recorded after its deadline had passed was overdue from the
     * moment it was known). Fixed once the deadline has passed.
     */
    public List<Instant> breaches() {
        List<Instant> breaches = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            Obligation o = revisions.get(i).obligation();
            if (o == null || o.status() != ObligationStatus.OPEN || o.deadline() == null) {
                continue;
            }
            Instant deadline = o.deadline();
            boolean stillOpen = i + 1 == revisions.size() || revisions.get(i + 1).recordedAt().isAfter(deadline);
            if (stillOpen && !breaches.contains(deadline)) {
                breaches.add(deadline);
            }
        }
        return breaches;
    }

    LedgerEntry with(int newPosition, LedgerRevision revision) {
        List<LedgerRevision> all = new ArrayList<>(revisions);
        if (revision != null) {
            all.add(revision);
        }
        return new LedgerEntry(key, newPosition, all);
    }
}
