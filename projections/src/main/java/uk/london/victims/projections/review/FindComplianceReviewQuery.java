package uk.london.victims.projections.review;

import java.time.Instant;

/**
 * The Victims' Code compliance review: obligations whose clocks started in [from, to), as known at
 * {@code asOf}, grouped by one dimension and, optionally, broken down again by a second.
 *
 * @param groupBy one of {@link ReviewDimension}
 * @param thenBy  the second dimension of a two-way breakdown; null for none
 * @param bcu     only obligations of cases in this Basic Command Unit (its display name); null for all
 * @param borough only obligations of cases in this borough (its code, e.g. HACKNEY); null for all
 * @param asKnownNow {@code asOf} is the moment of asking, not a date the caller chose: the answer is what is known
 *                   now (every event recorded and applied so far, judged at {@code asOf}), even if an event
 *                   recorded a moment after {@code asOf} has been applied already
 * @param basis   which limits to count: the Code's rights unless asked otherwise
 */
public record FindComplianceReviewQuery(Instant from, Instant to, Instant asOf, ReviewDimension groupBy,
                                        ReviewDimension thenBy, String bcu, String borough, boolean asKnownNow,
                                        ReviewBasis basis) {

    public FindComplianceReviewQuery {
        basis = basis == null ? ReviewBasis.CODE_RIGHTS : basis;
    }

    /** The review of the Code's rights. */
    public FindComplianceReviewQuery(Instant from, Instant to, Instant asOf, ReviewDimension groupBy) {
        this(from, to, asOf, groupBy, null, null, null, false, ReviewBasis.CODE_RIGHTS);
    }

    public FindComplianceReviewQuery(Instant from, Instant to, Instant asOf, ReviewDimension groupBy, ReviewBasis basis) {
        this(from, to, asOf, groupBy, null, null, null, false, basis);
    }

    public FindComplianceReviewQuery(Instant from, Instant to, Instant asOf, ReviewDimension groupBy, ReviewDimension thenBy,
                                     String bcu, String borough) {
        this(from, to, asOf, groupBy, thenBy, bcu, borough, false, ReviewBasis.CODE_RIGHTS);
    }
}
