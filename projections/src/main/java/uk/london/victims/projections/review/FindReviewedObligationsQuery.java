package uk.london.victims.projections.review;

/**
 * The obligations behind one group's figures in a review, or behind one cell of a two-way review.
 *
 * @param thenGroup with the review's {@code thenBy}, only the obligations in this value of the second dimension
 *                  (one cell of a cross-tabulation); null for the whole group
 */
public record FindReviewedObligationsQuery(FindComplianceReviewQuery review, String group, String thenGroup) {

    public FindReviewedObligationsQuery(FindComplianceReviewQuery review, String group) {
        this(review, group, null);
    }
}
