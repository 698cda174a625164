package uk.london.victims.web.review;

import java.util.List;

import uk.london.victims.projections.review.ReviewRow;

/**
 * Which of a review's figures a publication withholds so that no victim can be recognised: a group with
 * fewer obligations than the threshold entirely; otherwise any count from 1 to threshold - 1, and every
 * rate or time in a row that has one, since those could be worked back to it. The CSV export applies it;
 * the pages mark the same cells, so what the Commissioner sees and what is published never disagree.
 */
public record PublicationRule(int threshold) {

    public boolean rowWithheld(ReviewRow row) {
        return row.opened() < threshold;
    }

    public boolean countWithheld(ReviewRow row, long count) {
        return rowWithheld(row) || (count > 0 && count < threshold);
    }

    /** On-time rate, median and 95th percentile. */
    public boolean derivedWithheld(ReviewRow row) {
        return rowWithheld(row) || counts(row).stream().anyMatch(count -> count > 0 && count < threshold);
    }

    /** The counts a published row shows, in the export's column order. */
    public static List<Long> counts(ReviewRow row) {
        return List.of(row.opened(), row.metOnTime(), row.metLate(), row.overdue(), row.open(), row.waived());
    }
}
