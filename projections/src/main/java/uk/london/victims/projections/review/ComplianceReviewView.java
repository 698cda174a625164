package uk.london.victims.projections.review;

import java.time.Instant;
import java.util.List;

/** A review's figures, with the question they answer (period, as-of date, breakdown and which limits were counted). */
public record ComplianceReviewView(Instant from, Instant to, Instant asOf, ReviewDimension groupBy, List<ReviewRow> rows,
                                   ReviewRow total, ReviewBasis basis) {

    public ComplianceReviewView(Instant from, Instant to, Instant asOf, ReviewDimension groupBy, List<ReviewRow> rows,
                                ReviewRow total) {
        this(from, to, asOf, groupBy, rows, total, ReviewBasis.CODE_RIGHTS);
    }
}
