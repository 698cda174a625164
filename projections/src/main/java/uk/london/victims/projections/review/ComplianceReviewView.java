package uk.london.victims.projections.review;

import java.time.Instant;
import java.util.List;

public record ComplianceReviewView(Instant from, Instant to, Instant asOf, ReviewDimension groupBy, List<ReviewRow> rows,
                                   ReviewRow total) {
}
