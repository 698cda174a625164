package uk.london.victims.web.review;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import uk.london.victims.projections.review.ComplianceReviewView;
import uk.london.victims.projections.review.ReviewBasis;
import uk.london.victims.projections.review.ReviewRow;

/**
 * Which of a review's figures a publication withholds so that no victim can be recognised: a group with
 * fewer obligations than the threshold entirely; otherwise any count from 1 to threshold - 1, and every
 * rate or time in a row that has one, since those could be worked back to it. The CSV export applies it;
 * the pages mark the same cells, so what the Commissioner sees and what is published never disagree.
 */
public record PublicationRule(int threshold) {

    public static final String WITHHELD = "[c]";
    /** What a reader of the file must know about which limits were counted. */
    private static final java.util.Map<ReviewBasis, String> BASES = java.util.Map.of(
            ReviewBasis.CODE_RIGHTS, "Victims' Code time limits only (local service standards not counted)",
            ReviewBasis.LOCAL_STANDARDS, "local service standards only: not Victims' Code time limits, so nothing here is a Code breach",
            ReviewBasis.ALL, "Victims' Code time limits and local service standards: overdue counts Code breaches only, "
                             + "missed_local_standard the local standards missed");

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
        return List.of(row.opened(), row.metOnTime(), row.metLate(), row.overdue(), row.open(), row.waived(), row.awaitingConsent(),
                row.missedLocalStandard());
    }

    /** The figures for publication, one row per group and a total, withheld cells as {@value #WITHHELD}. */
    public String csv(ComplianceReviewView view) {
        StringBuilder out = new StringBuilder();
        out.append("# Victims' Code compliance: clocks started ").append(view.from()).append(" to ").append(view.to())
           .append(", as known at ").append(view.asOf()).append("; counts under ").append(threshold)
           .append(" shown as ").append(WITHHELD).append("; ").append(BASES.get(view.basis())).append('\n');
        // The code stays first for machines; the name beside it is what a reader of the published table needs.
        out.append(view.groupBy().name().toLowerCase(Locale.ROOT)).append(",name")
           .append(",opened,met_on_time,met_late,overdue,open,waived,awaiting_consent,missed_local_standard,on_time_rate,")
           .append("median_days_to_meet,p95_days_to_meet\n");
        List<ReviewRow> rows = new ArrayList<>(view.rows());
        // In the pages' order: rights by number (Right 4 before Right 10), anything else alphabetically.
        rows.sort(java.util.Comparator.comparing(ReviewRow::group, ReviewLabels.order(view.groupBy())));
        rows.add(view.total());
        for (ReviewRow row : rows) {
            boolean derivedWithheld = derivedWithheld(row);
            out.append(quote(row.group())).append(',')
               .append(quote(row == view.total() ? "All" : ReviewLabels.group(view.groupBy(), row.group())));
            for (long count : counts(row)) {
                out.append(',').append(countWithheld(row, count) ? WITHHELD : Long.toString(count));
            }
            out.append(',').append(derivedWithheld || row.onTimeRate() == null ? WITHHELD
                    : String.format(Locale.ROOT, "%.3f", row.onTimeRate()));
            out.append(',').append(derivedWithheld ? WITHHELD : days(row.medianTimeToMeet()));
            out.append(',').append(derivedWithheld ? WITHHELD : days(row.p95TimeToMeet()));
            out.append('\n');
        }
        return out.toString();
    }

    private static String days(Duration duration) {
        return duration == null ? "" : String.format(Locale.ROOT, "%.2f", duration.toMinutes() / 1440.0);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
