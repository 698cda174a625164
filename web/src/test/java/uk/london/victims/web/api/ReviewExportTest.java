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
                "\"CAMDEN\",\"Camden\",40,30,5,5,0,0,0,0,0.750,1.50,4.00",
                "\"BRENT\",\"Brent\",20,17,[c],0,0,0,0,0,[c],[c],[c]",
                "\"HARROW\",\"Harrow\",[c],[c],[c],[c],[c],[c],[c],[c],[c],[c],[c]",
                "\"All\",\"All\",64,51,8,5,0,0,0,0,0.797,1.50,4.00");
        assertThat(csv.lines().findFirst().orElseThrow()).contains("counts under 5 shown as [c]")
                                                        .contains("Victims' Code time limits only");
    }

    @Test
    void rightsAndAgenciesAreNamedAndRightsComeInTheCodesOrder() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        ComplianceReviewView byRight = new ComplianceReviewView(from, from.plus(Duration.ofDays(90)), from.plus(Duration.ofDays(120)),
                ReviewDimension.RIGHT, List.of(row("R10", 10, 9, 1, 0), row("R4", 10, 8, 0, 2), row("R6", 10, 10, 0, 0)),
                row("All", 30, 27, 1, 2));

        assertThat(controller.csv(byRight).lines().skip(1).toList()).extracting(line -> line.substring(0, line.indexOf(",", line.indexOf(",") + 1)))
                .containsExactly("right,name", "\"R4\",\"Right 4: needs assessment and referral\"", "\"R6\",\"Right 6: told of decisions\"",
                        "\"R10\",\"Right 10: expenses and property\"", "\"All\",\"All\"");

        ComplianceReviewView byAgency = new ComplianceReviewView(from, from.plus(Duration.ofDays(90)), from.plus(Duration.ofDays(120)),
                ReviewDimension.AGENCY, List.of(row("WITNESS_CARE", 10, 9, 1, 0), row("CPS", 10, 8, 0, 2)), row("All", 20, 17, 1, 2));
        assertThat(controller.csv(byAgency)).contains("\"CPS\",\"CPS\",10,", "\"WITNESS_CARE\",\"Witness Care Unit\",10,");
    }
}
