package uk.london.victims.projections.review;

import java.time.Instant;

/**
 * The Victims' Code compliance review: obligations whose clocks started in [from, to), as known at
 * {@code asOf}, grouped by one dimension.
 *
 * @param groupBy one of {@link ReviewDimension}
 */
public record FindComplianceReviewQuery(Instant from, Instant to, Instant asOf, ReviewDimension groupBy) {
}
