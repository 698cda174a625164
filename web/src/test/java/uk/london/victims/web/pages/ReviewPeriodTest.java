package uk.london.victims.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import uk.london.victims.projections.review.ReviewDimension;

/** The review form's dates are London days; the queries take instants. */
class ReviewPeriodTest {

    /** 10:00 on 26 November 2026, London (GMT). */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    private static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static String[] date(String field, int day, int month, int year) {
        return new String[] {field + "-day", String.valueOf(day), field + "-month", String.valueOf(month), field + "-year", String.valueOf(year)};
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @Test
    void daysAreLondonDaysAcrossTheClockChangesAndTheEndDayIsIncluded() {
        // 1 May is in summer time; British Summer Time ended on 27 October 2024.
        ReviewPeriod period = ReviewPeriod.parse(form(concat(date("from", 1, 5, 2024), date("to", 31, 10, 2024),
                date("asOf", 30, 11, 2024), new String[] {"by", "BOROUGH"})), NOW);

        assertThat(period.valid()).isTrue();
        assertThat(period.fromInstant()).isEqualTo(Instant.parse("2024-04-30T23:00:00Z"));
        assertThat(period.toInstant()).isEqualTo(Instant.parse("2024-11-01T00:00:00Z"));
        assertThat(period.asOfInstant()).as("the end of the as-of day").isEqualTo(Instant.parse("2024-12-01T00:00:00Z"));
        assertThat(period.by).isEqualTo(ReviewDimension.BOROUGH);
    }

    @Test
    void aBlankFormIsTheLastTwelveMonthsAsOfNow() {
        ReviewPeriod period = ReviewPeriod.parse(form(), NOW);

        assertThat(period.valid()).isTrue();
        assertThat(period.fromInstant()).isEqualTo(Instant.parse("2025-11-01T00:00:00Z"));
        assertThat(period.toInstant()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(period.asOfInstant()).isEqualTo(NOW.instant());
        assertThat(period.by).isEqualTo(ReviewDimension.RIGHT);
    }

    @Test
    void eachMistakeIsNamedOnItsField() {
        ReviewPeriod period = ReviewPeriod.parse(form(concat(date("from", 30, 2, 2024), new String[] {"to-day", "1", "to-month", "3",
                "to-year", "24"}, date("asOf", 1, 1, 2027), new String[] {"by", "SHOE_SIZE"})), NOW);

        assertThat(period.valid()).isFalse();
        assertThat(period.error("from")).isEqualTo("The start of the period must be a real date, for example 27 3 2026");
        assertThat(period.error("to")).isEqualTo("The year of the end of the period must have 4 numbers, for example 2026");
        assertThat(period.error("asOf")).isEqualTo("The ‘as of’ date must be today or in the past");
        assertThat(period.error("by")).isEqualTo("Select what to break the figures down by");
        assertThat(period.errors()).extracting(ReviewPeriod.FieldError::href).containsExactly("#from-day", "#to-day", "#asOf-day", "#by");
        assertThat(period.typed().get("to").year()).as("shown back as typed").isEqualTo("24");
    }

    @Test
    void aPeriodEndsAfterItStartsAndIsAtMostTenYears() {
        assertThat(ReviewPeriod.parse(form(concat(date("from", 2, 3, 2024), date("to", 1, 3, 2024))), NOW).error("to"))
                .isEqualTo("The end of the period must be the same as or after the start");
        assertThat(ReviewPeriod.parse(form(concat(date("from", 1, 1, 2000), date("to", 2, 1, 2010))), NOW).error("to"))
                .isEqualTo("The period can be at most 10 years long");
        assertThat(ReviewPeriod.parse(form(concat(date("from", 1, 1, 2024), date("to", 1, 3, 2024), date("asOf", 31, 12, 2023))), NOW)
                .error("asOf")).isEqualTo("The ‘as of’ date must be the same as or after the start of the period");
        assertThat(ReviewPeriod.parse(form(concat(date("from", 1, 3, 2024), new String[] {"to-day", "1", "to-month", "", "to-year", "2024"})), NOW)
                .error("to")).isEqualTo("The end of the period must include a day, month and year");
    }
}
