package uk.london.victims.projections.review;

import java.time.Instant;

/**
 * The Victims' Code compliance review: obligations whose clocks started in [from, to), as known at
 * {@code asOf}, grouped by one dimension.
 *
 * @param groupBy one of {@link ReviewDimension}
 * @param basis   which limits to count: the Code's rights unless asked otherwise
 */
public record FindComplianceReviewQuery(Instant from, Instant to, Instant asOf, ReviewDimension groupBy, ReviewBasis basis) {

    public FindComplianceReviewQuery {
        basis = basis == null ? ReviewBasis.CODE_RIGHTS : basis;
    }

    /** The review of the Code's rights. */
    public FindComplianceReviewQuery(Instant from, Instant to, Instant asOf, ReviewDimension groupBy) {
        this(from, to, asOf, groupBy, ReviewBasis.CODE_RIGHTS);
    }
}
