package uk.london.victims.projections.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import uk.london.victims.domain.code.Obligation;
import uk.london.victims.projections.review.ReviewDimension;

/**
 * One obligation as the case's events described it from {@code recordedAt} on, until the next revision:
 * what does not depend on the time it is asked about. A not-yet-met obligation is kept as OPEN; whether it
 * is overdue follows from its deadline and the instant asked ({@link ObligationLedger#judged}).
 *
 * @param sequence   the case event whose recording made this revision
 * @param obligation null when the obligation no longer followed from the case's events
 * @param groups     the review's group-by values for it, as known at {@code recordedAt}
 */
public record LedgerRevision(Instant recordedAt, long sequence, Obligation obligation,
                             Map<ReviewDimension, List<String>> groups) {
}
