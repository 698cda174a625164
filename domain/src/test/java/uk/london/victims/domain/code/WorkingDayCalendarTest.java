package uk.london.victims.domain.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Counting working days in London. The calendar here holds the England and Wales bank holidays of 2020 to
 * 2024 as GOV.UK published them; the shipped file itself is tested in the application module.
 */
class WorkingDayCalendarTest {

    static final List<LocalDate> BANK_HOLIDAYS_2020_TO_2024 = Stream.of(
            "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25",
            "2020-12-28",
            "2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27",
            "2021-12-28",
            "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29",
            "2022-09-19", "2022-12-26", "2022-12-27",
            "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28",
            "2023-12-25", "2023-12-26",
            "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25",
            "2024-12-26").map(LocalDate::parse).toList();

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(BANK_HOLIDAYS_2020_TO_2024,
            LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31));

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.LONDON).toInstant();
    }

    private static Instant endOfLondonDay(String date) {
        return LocalDate.parse(date).atTime(LocalTime.MAX).atZone(WorkingDayCalendar.LONDON).toInstant();
    }

    @Test
    void theCodesWorkedExampleAChargeBeforeChristmasIsDueAfterBoxingDay() {
        Instant charged = london("2023-12-22T16:00");

        assertThat(calendar.endOfNthWorkingDayAfter(charged, 1))
                .isEqualTo(Instant.parse("2023-12-27T23:59:59.999999999Z"));
    }

    @Nested
    class BankHolidays {

        @ParameterizedTest(name = "{0} ({1}) is not a working day")
        @CsvSource({
                "2021-12-27, Christmas Day substitute for Saturday 25th",
                "2021-12-28, Boxing Day substitute for Sunday 26th",
                "2022-01-03, New Year's Day substitute for Saturday 1st",
                "2022-12-26, Boxing Day (Christmas Day fell on a Sunday)",
                "2022-12-27, Christmas Day substitute",
                "2023-01-02, New Year's Day substitute for Sunday 1st",
                "2024-03-29, Good Friday",
                "2024-04-01, Easter Monday",
                "2020-05-08, VE Day early May bank holiday moved from Monday 4th",
                "2022-06-02, Spring bank holiday moved for the Platinum Jubilee",
                "2022-06-03, Platinum Jubilee",
                "2022-09-19, State Funeral of Queen Elizabeth II",
                "2023-05-08, Coronation of King Charles III",
        })
        void bankHolidaysAreNotWorkingDays(LocalDate date, String why) {
            assertThat(date.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(calendar.isWorkingDay(date)).isFalse();
        }

        @ParameterizedTest(name = "{0} ({1}) is a working day")
        @CsvSource({
                "2020-05-04, the first Monday in May 2020 lost its bank holiday to VE Day",
                "2022-05-30, the last Monday in May 2022 lost its bank holiday to the Jubilee",
                "2021-12-29, first working day after the 2021 Christmas substitutes",
                "2022-01-04, first working day after the 2022 New Year substitute",
                "2022-12-28, first working day after Christmas 2022",
                "2024-03-28, Maundy Thursday",
                "2024-04-02, the Tuesday after Easter",
        })
        void daysAroundThemAreWorkingDays(LocalDate date, String why) {
            assertThat(calendar.isWorkingDay(date)).isTrue();
        }

        @ParameterizedTest(name = "{0}: n={1} ends on {2}")
        @CsvSource({
                "2021-12-24T10:00, 1, 2021-12-29",
                "2021-12-31T10:00, 1, 2022-01-04",
                "2022-12-23T10:00, 1, 2022-12-28",
                "2022-12-23T10:00, 2, 2022-12-29",
                "2024-03-28T12:00, 1, 2024-04-02",
                "2020-05-07T12:00, 1, 2020-05-11",
                "2020-05-01T12:00, 1, 2020-05-04",
                "2022-06-01T12:00, 1, 2022-06-06",
                "2022-09-16T12:00, 1, 2022-09-20",
                "2023-05-05T12:00, 1, 2023-05-09",
                // n = 5 across Easter: Thursday, (Good Friday, weekend, Easter Monday), Tuesday to Friday.
                "2024-03-27T12:00, 5, 2024-04-05",
                // n = 5 across Christmas and New Year 2023.
                "2023-12-22T16:00, 5, 2024-01-03",
                "2024-01-01T09:00, 10, 2024-01-15",
        })
        void deadlinesSkipBankHolidays(String start, int n, String dueBy) {
            assertThat(calendar.endOfNthWorkingDayAfter(london(start), n)).isEqualTo(endOfLondonDay(dueBy));
        }

        @Test
        void aClockStartedOnABankHolidayCountsFromTheNextWorkingDay() {
            assertThat(calendar.endOfNthWorkingDayAfter(london("2023-12-25T11:00"), 1))
                    .isEqualTo(endOfLondonDay("2023-12-27"));
        }
    }

    @Nested
    class Weekends {

        @ParameterizedTest(name = "{0} is not a working day")
        @ValueSource(strings = {"2024-06-08", "2024-06-09", "2021-12-25", "2021-12-26"})
        void saturdaysAndSundaysAreNotWorkingDays(LocalDate date) {
            assertThat(calendar.isWorkingDay(date)).isFalse();
        }

        @ParameterizedTest(name = "{0}: n={1} ends on {2}")
        @CsvSource({
                "2024-06-07T10:00, 1, 2024-06-10",
                "2024-06-08T10:00, 1, 2024-06-10",
                "2024-06-09T23:00, 1, 2024-06-10",
                "2024-06-10T10:00, 5, 2024-06-17",
                "2024-06-07T10:00, 10, 2024-06-21",
        })
        void deadlinesSkipWeekends(String start, int n, String dueBy) {
            assertThat(calendar.endOfNthWorkingDayAfter(london(start), n)).isEqualTo(endOfLondonDay(dueBy));
        }
    }

    @Nested
    class LondonTime {

        @Test
        void aDeadlineEndsAtMidnightLondonTimeWhichIsAnHourEarlierInUtcDuringSummerTime() {
            assertThat(calendar.endOfNthWorkingDayAfter(Instant.parse("2024-06-10T09:00:00Z"), 1))
                    .isEqualTo(Instant.parse("2024-06-11T22:59:59.999999999Z"));
            assertThat(calendar.endOfNthWorkingDayAfter(Instant.parse("2024-01-15T09:00:00Z"), 1))
                    .isEqualTo(Instant.parse("2024-01-16T23:59:59.999999999Z"));
        }

        @Test
        void anEventAtHalfPastMidnightSummerTimeCountsFromItsLondonDateNotTheUtcDateBefore() {
            // 23:30 UTC on Monday 3 June is 00:30 BST on Tuesday 4 June.
            Instant halfPastMidnightBst = Instant.parse("2024-06-03T23:30:00Z");

            assertThat(calendar.endOfNthWorkingDayAfter(halfPastMidnightBst, 1))
                    .isEqualTo(Instant.parse("2024-06-05T22:59:59.999999999Z"));
            assertThat(calendar.workingDaysBetween(halfPastMidnightBst, Instant.parse("2024-06-04T12:00:00Z")))
                    .isZero();
        }

        @ParameterizedTest(name = "{0} ({1}): n=1 ends at {2}")
        @CsvSource({
                "2024-06-06T22:59:00Z, Thursday 23:59 BST, 2024-06-07T22:59:59.999999999Z",
                "2024-06-06T23:01:00Z, Friday 00:01 BST, 2024-06-10T22:59:59.999999999Z",
                "2024-01-11T23:59:00Z, Thursday 23:59 GMT, 2024-01-12T23:59:59.999999999Z",
                "2024-01-12T00:01:00Z, Friday 00:01 GMT, 2024-01-15T23:59:59.999999999Z",
        })
        void twoMinutesEitherSideOfMidnightAreTwoDifferentDays(Instant event, String london, Instant dueBy) {
            assertThat(calendar.endOfNthWorkingDayAfter(event, 1)).isEqualTo(dueBy);
        }

        @Test
        void theLastHourBeforeSummerTimeStartsIsStillTheSaturdayInLondon() {
            // Clocks go forward at 01:00 UTC on Sunday 31 March 2024, so 23:30 UTC the evening before is
            // 23:30 GMT on Saturday 30 March. The next working day is Tuesday 2 April (Easter Monday is 1 April),
            // which ends at 23:59:59 BST.
            Instant saturdayNight = Instant.parse("2024-03-30T23:30:00Z");

            assertThat(saturdayNight.atZone(WorkingDayCalendar.LONDON).toLocalDate())
                    .isEqualTo(LocalDate.of(2024, 3, 30));
            assertThat(calendar.endOfNthWorkingDayAfter(saturdayNight, 1))
                    .isEqualTo(Instant.parse("2024-04-02T22:59:59.999999999Z"));
        }

        @Test
        void theLastHourBeforeSummerTimeEndsIsAlreadyTheSundayInLondon() {
            // Clocks go back at 01:00 UTC on Sunday 27 October 2024, so 23:30 UTC on the Saturday is 00:30 BST
            // on the Sunday. The deadline on Monday 28 October ends at 23:59:59 GMT.
            Instant sundayMorning = Instant.parse("2024-10-26T23:30:00Z");

            assertThat(sundayMorning.atZone(WorkingDayCalendar.LONDON).toLocalDate())
                    .isEqualTo(LocalDate.of(2024, 10, 27));
            assertThat(calendar.endOfNthWorkingDayAfter(sundayMorning, 1))
                    .isEqualTo(Instant.parse("2024-10-28T23:59:59.999999999Z"));
        }

        @Test
        void aDeadlineStartedInWinterAndDueInSummerEndsAtMidnightSummerTime() {
            assertThat(calendar.endOfNthWorkingDayAfter(Instant.parse("2024-03-28T12:00:00Z"), 1))
                    .isEqualTo(Instant.parse("2024-04-02T22:59:59.999999999Z"));
        }

        @Test
        void theEndOfADayIsItsLastInstantSoTheNextInstantIsTheNextDay() {
            Instant dueBy = calendar.endOfNthWorkingDayAfter(london("2024-07-01T10:00"), 1);

            assertThat(dueBy.atZone(WorkingDayCalendar.LONDON).toLocalDateTime())
                    .isEqualTo(LocalDateTime.of(2024, 7, 2, 23, 59, 59, 999_999_999));
            assertThat(dueBy.plusNanos(1).atZone(WorkingDayCalendar.LONDON).toLocalDateTime())
                    .isEqualTo(LocalDateTime.of(2024, 7, 3, 0, 0));
        }
    }

    @Nested
    class WorkingDaysBetween {

        @ParameterizedTest(name = "{0} to {1}: {2}")
        @CsvSource({
                "2024-06-10T09:00, 2024-06-10T17:00, 0",
                "2024-06-10T17:00, 2024-06-10T09:00, 0",
                "2024-06-11T09:00, 2024-06-10T09:00, 0",
                "2024-06-10T17:00, 2024-06-11T09:00, 1",
                "2024-06-07T17:00, 2024-06-10T09:00, 1",
                "2024-06-07T17:00, 2024-06-09T09:00, 0",
                "2024-06-07T17:00, 2024-06-14T09:00, 5",
                "2023-12-22T16:00, 2023-12-27T23:59, 1",
                "2023-12-22T16:00, 2023-12-26T23:59, 0",
                "2024-03-27T12:00, 2024-04-05T12:00, 5",
                "2020-01-01T00:00, 2024-12-31T23:59, 1262",
        })
        void countsTheWorkingDaysAfterTheStartDateUpToAndIncludingTheEndDate(String start, String end,
                                                                             int expected) {
            assertThat(calendar.workingDaysBetween(london(start), london(end))).isEqualTo(expected);
        }

        @Test
        void agreesWithCountingDayByDayAndWithTheDeadlines() {
            LocalDate first = LocalDate.of(2020, 1, 1);
            for (LocalDate start = first; start.isBefore(LocalDate.of(2024, 10, 1)); start = start.plusDays(3)) {
                Instant startInstant = start.atTime(12, 0).atZone(WorkingDayCalendar.LONDON).toInstant();
                for (int length : new int[] {0, 1, 2, 6, 7, 8, 13, 40}) {
                    LocalDate end = start.plusDays(length);
                    Instant endInstant = end.atTime(8, 0).atZone(WorkingDayCalendar.LONDON).toInstant();
                    assertThat(calendar.workingDaysBetween(startInstant, endInstant))
                            .as("%s to %s", start, end)
                            .isEqualTo(countDayByDay(start, end));
                }
                for (int n : new int[] {1, 2, 5, 10, 20}) {
                    Instant dueBy = calendar.endOfNthWorkingDayAfter(startInstant, n);
                    assertThat(calendar.workingDaysBetween(startInstant, dueBy)).as("%s, n=%d", start, n)
                            .isEqualTo(n);
                    assertThat(calendar.workingDaysBetween(startInstant, dayBefore(dueBy)))
                            .as("the day before the deadline of %s, n=%d", start, n).isEqualTo(n - 1);
                }
            }
        }

        private Instant dayBefore(Instant instant) {
            return instant.atZone(WorkingDayCalendar.LONDON).minusDays(1).toInstant();
        }

        private int countDayByDay(LocalDate start, LocalDate end) {
            int count = 0;
            for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
                if (calendar.isWorkingDay(day)) {
                    count++;
                }
            }
            return count;
        }
    }

    @Nested
    class OutsideItsCoverage {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2019-12-31", "2025-01-01", "2025-01-02", "2025-01-04"})
        void itWillNotSayWhetherADayIsAWorkingDay(LocalDate date) {
            assertThatIllegalStateException().isThrownBy(() -> calendar.isWorkingDay(date))
                    .withMessageContaining(date.toString())
                    .withMessageContaining("2020-01-01 to 2024-12-31");
        }

        @Test
        void aDeadlineThatRunsPastItsCoverageThrowsRatherThanCountAnUnknownDayAsWorking() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> calendar.endOfNthWorkingDayAfter(london("2024-12-31T12:00"), 1))
                    .withMessageContaining("2025-01-01");
            assertThatIllegalStateException()
                    .isThrownBy(() -> calendar.endOfNthWorkingDayAfter(london("2024-12-20T12:00"), 6));
        }

        @Test
        void aDeadlineThatEndsOnItsLastDayIsFine() {
            assertThat(calendar.endOfNthWorkingDayAfter(london("2024-12-30T12:00"), 1))
                    .isEqualTo(endOfLondonDay("2024-12-31"));
        }

        @Test
        void aStartBeforeItsCoverageIsFineWhenEveryDayCountedIsCovered() {
            Instant newYearsEve2019 = london("2019-12-31T12:00");

            assertThat(calendar.endOfNthWorkingDayAfter(newYearsEve2019, 1)).isEqualTo(endOfLondonDay("2020-01-02"));
            assertThat(calendar.workingDaysBetween(newYearsEve2019, london("2020-01-03T12:00"))).isEqualTo(2);
        }

        @Test
        void countingAcrossEitherEndOfItsCoverageThrows() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> calendar.workingDaysBetween(london("2024-12-20T12:00"),
                            london("2025-01-06T12:00")))
                    .withMessageContaining("2025-01-06");
            assertThatIllegalStateException()
                    .isThrownBy(() -> calendar.workingDaysBetween(london("2019-12-20T12:00"),
                            london("2020-01-06T12:00")))
                    .withMessageContaining("2019-12-21");
        }

        @Test
        void coverageIsWhatItWasGiven() {
            assertThat(calendar.coveredFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
            assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.of(2024, 12, 31));
        }
    }

    @Nested
    class Construction {

        @Test
        void nMustBeAtLeastOne() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> calendar.endOfNthWorkingDayAfter(london("2024-06-10T10:00"), 0));
        }

        @Test
        void coverageMustNotEndBeforeItStarts() {
            assertThatIllegalArgumentException().isThrownBy(() -> new WorkingDayCalendar(List.of(),
                    LocalDate.of(2024, 12, 31), LocalDate.of(2024, 1, 1)));
        }

        @Test
        void aBankHolidayOutsideTheCoverageIsAMistake() {
            assertThatIllegalArgumentException().isThrownBy(() -> new WorkingDayCalendar(
                            List.of(LocalDate.of(2025, 1, 1)), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
                    .withMessageContaining("2025-01-01");
        }

        @Test
        void laterChangesToTheGivenListDoNotReachTheCalendar() {
            List<LocalDate> holidays = new java.util.ArrayList<>(List.of(LocalDate.of(2024, 12, 25)));
            WorkingDayCalendar christmas = new WorkingDayCalendar(holidays,
                    LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

            holidays.add(LocalDate.of(2024, 12, 24));

            assertThat(christmas.isWorkingDay(LocalDate.of(2024, 12, 24))).isTrue();
        }
    }
}
