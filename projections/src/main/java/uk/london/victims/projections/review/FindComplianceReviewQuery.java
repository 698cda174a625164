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
 */
public record FindComplianceReviewQuery(Instant from, Instant to, Instant asOf, ReviewDimension groupBy,
                                        ReviewDimension thenBy, String bcu, String borough) {

    public FindComplianceReviewQuery(Instant from, Instant to, Instant asOf, ReviewDimension groupBy) {
        this(from, to, asOf, groupBy, null, null, null);
    }
}
