package uk.london.victims.projections.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A review's figures, with the question they answer (period, as-of date, breakdown and which limits were counted).
 *
 * @param breakdown for a two-way review, each group's figures split by {@code thenBy}: group value to one row
 *                  per value of the second dimension; empty otherwise
 */
public record ComplianceReviewView(Instant from, Instant to, Instant asOf, ReviewDimension groupBy, List<ReviewRow> rows,
                                   ReviewRow total, ReviewDimension thenBy, Map<String, List<ReviewRow>> breakdown,
                                   ReviewBasis basis) {

    public ComplianceReviewView(Instant from, Instant to, Instant asOf, ReviewDimension groupBy, List<ReviewRow> rows,
                                ReviewRow total) {
        this(from, to, asOf, groupBy, rows, total, null, Map.of(), ReviewBasis.CODE_RIGHTS);
    }
}
