package uk.london.victims.projections.review;

/** The obligations behind one group's figures in a review. */
public record FindReviewedObligationsQuery(FindComplianceReviewQuery review, String group) {
}
