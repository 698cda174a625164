package uk.london.victims.application.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import uk.london.victims.domain.code.WorkingDayCalendar;

/** The shipped England and Wales calendar, and reading the GOV.UK format. */
class BankHolidaysTest {

    private static final BankHolidays SHIPPED = BankHolidays.shipped();
    private static final WorkingDayCalendar CALENDAR = SHIPPED.toCalendar();

    private static BankHolidays parse(String json) {
        return BankHolidays.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theShippedFileCovers2015To2028() {
        assertThat(CALENDAR.coveredFrom()).isEqualTo(LocalDate.of(2015, 1, 1));
        assertThat(CALENDAR.coveredUntil()).isEqualTo(LocalDate.of(2028, 12, 31));
        assertThat(SHIPPED.dates()).hasSize(115);
    }

    @Test
    void everyShippedYearHasItsEightBankHolidaysAndNoneFallsAtAWeekend() {
        Map<Integer, Integer> perYear = new TreeMap<>();
        SHIPPED.dates().forEach(date -> perYear.merge(date.getYear(), 1, Integer::sum));

        assertThat(perYear).containsOnlyKeys(2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
                2027, 2028);
        // One-offs: 2022 the Platinum Jubilee and the Queen's funeral, 2023 the Coronation.
        assertThat(perYear).allSatisfy((year, count) ->
                assertThat(count).isEqualTo(year == 2022 ? 10 : year == 2023 ? 9 : 8));
        assertThat(SHIPPED.dates()).allSatisfy(date ->
                assertThat(date.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2015-12-28, Boxing Day substitute",
            "2016-12-27, Christmas Day substitute",
            "2017-01-02, New Year's Day substitute",
            "2020-05-08, VE Day (early May bank holiday moved from the 4th)",
            "2020-12-28, Boxing Day substitute",
            "2021-12-27, Christmas Day substitute",
            "2021-12-28, Boxing Day substitute",
            "2022-01-03, New Year's Day substitute",
            "2022-06-02, Spring bank holiday (moved for the Jubilee)",
            "2022-06-03, Platinum Jubilee",
            "2022-09-19, State Funeral of Queen Elizabeth II",
            "2022-12-26, Boxing Day",
            "2022-12-27, Christmas Day substitute",
            "2023-01-02, New Year's Day substitute",
            "2023-05-08, Coronation of King Charles III",
            "2023-12-25, Christmas Day",
            "2023-12-26, Boxing Day",
            "2024-03-29, Good Friday",
            "2024-04-01, Easter Monday",
            "2026-12-28, Boxing Day substitute",
            "2027-12-27, Christmas Day substitute",
            "2027-12-28, Boxing Day substitute",
            "2028-01-03, New Year's Day substitute",
    })
    void theShippedFileHasTheSubstituteAndOneOffBankHolidays(LocalDate date, String why) {
        assertThat(CALENDAR.isWorkingDay(date)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2020-05-04", "2022-05-30", "2021-12-29", "2022-01-04", "2022-12-28", "2024-04-02"})
    void andNotTheDaysTheyReplacedOrFollow(LocalDate date) {
        assertThat(CALENDAR.isWorkingDay(date)).isTrue();
    }

    @Test
    void theCodesWorkedExampleHoldsOnTheShippedCalendar() {
        Instant charged = Instant.parse("2023-12-22T16:00:00Z");

        assertThat(CALENDAR.endOfNthWorkingDayAfter(charged, 1))
                .isEqualTo(Instant.parse("2023-12-27T23:59:59.999999999Z"));
    }

    @Test
    void theShippedCalendarWillNotCountPastItsLastYear() {
        assertThatIllegalStateException()
                .isThrownBy(() -> CALENDAR.endOfNthWorkingDayAfter(Instant.parse("2028-12-29T12:00:00Z"), 1))
                .withMessageContaining("2029-01-01");
    }

    @Test
    void theWholeGovUkFeedAndItsEnglandAndWalesDivisionAloneReadTheSame() {
        List<LocalDate> dates = FeedServer.dates("2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07",
                "2029-05-28", "2029-08-27", "2029-12-25", "2029-12-26");
        String division = "{\"division\":\"england-and-wales\",\"events\":["
                          + String.join(",", dates.stream().map(d -> "{\"date\":\"" + d + "\",\"title\":\"x\"}")
                .toList()) + "]}";

        BankHolidays fromFeed = parse(FeedServer.govUkFeed(dates));

        assertThat(fromFeed.dates()).containsExactlyElementsOf(dates);
        assertThat(parse(division)).isEqualTo(fromFeed);
    }

    @Test
    void theUnionKeepsEveryDateOfBoth() {
        BankHolidays later = parse(FeedServer.govUkFeed(FeedServer.dates("2029-01-01", "2029-03-30",
                "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27", "2029-12-25", "2029-12-26")));

        BankHolidays both = SHIPPED.union(later);

        assertThat(both.dates()).hasSize(123).containsAll(SHIPPED.dates()).containsAll(later.dates());
        assertThat(both.toCalendar().coveredUntil()).isEqualTo(LocalDate.of(2029, 12, 31));
    }

    @Test
    void aYearMissingFromTheMiddleIsRefused() {
        BankHolidays later = parse(FeedServer.govUkFeed(FeedServer.dates("2030-01-01", "2030-04-19",
                "2030-04-22", "2030-05-06", "2030-05-27", "2030-08-26", "2030-12-25", "2030-12-26")));

        assertThatIllegalArgumentException().isThrownBy(() -> SHIPPED.union(later))
                .withMessageContaining("2029 lists 0 bank holidays");
    }

    @Test
    void anIncompleteYearIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse(FeedServer.govUkFeed(FeedServer.dates("2029-01-01", "2029-03-30"))))
                .withMessageContaining("2029 lists 2 bank holidays");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "",
            "[]",
            "not json",
            "{}",
            "{\"scotland\":{\"division\":\"scotland\",\"events\":[]}}",
            "{\"division\":\"scotland\",\"events\":[{\"date\":\"2029-01-01\"}]}",
            "{\"england-and-wales\":{\"division\":\"england-and-wales\"}}",
            "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":[]}}",
            "{\"england-and-wales\":{\"events\":[{\"title\":\"no date\"}]}}",
            "{\"england-and-wales\":{\"events\":[{\"date\":\"25/12/2029\"}]}}",
    })
    void whatIsNotAnEnglandAndWalesCalendarIsRefused(String json) {
        assertThatIllegalArgumentException().isThrownBy(() -> parse(json));
    }
}
