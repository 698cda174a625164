package uk.london.victims.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.london.victims.projections.review.ComplianceReviewView;
import uk.london.victims.projections.review.ReviewDimension;
import uk.london.victims.projections.review.ReviewRow;

/** Publication rules for the CSV: small counts withheld, and anything that could reveal them. */
class ReviewExportTest {

    private final ReviewController controller = new ReviewController(null, null, Clock.systemUTC(), 5);

    private static ReviewRow row(String group, long opened, long onTime, long late, long overdue) {
        return new ReviewRow(group, opened, onTime, late, overdue, 0, 0, 0, Map.of(), Duration.ofHours(36),
                Duration.ofDays(4), (double) onTime / (onTime + late + overdue));
    }

    @Test
    void countsBelowTheThresholdAreWithheldWithTheRatesTheyWouldReveal() {
        ComplianceReviewView view = new ComplianceReviewView(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"), ReviewDimension.BOROUGH,
                List.of(row("CAMDEN", 40, 30, 5, 5), row("BRENT", 20, 17, 3, 0), row("HARROW", 4, 4, 0, 0)),
                row("All", 64, 51, 8, 5));

        String csv = controller.csv(view);

        assertThat(csv.lines()).contains(
                "\"CAMDEN\",40,30,5,5,0,0,0,0,0.750,1.50,4.00",
                "\"BRENT\",20,17,[c],0,0,0,0,0,[c],[c],[c]",
                "\"HARROW\",[c],[c],[c],[c],[c],[c],[c],[c],[c],[c],[c]",
                "\"All\",64,51,8,5,0,0,0,0,0.797,1.50,4.00");
        assertThat(csv.lines().findFirst().orElseThrow()).contains("counts under 5 shown as [c]")
                                                        .contains("Victims' Code time limits only");
    }
}
