package uk.london.victims.application.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import uk.london.victims.domain.code.WorkingDayCalendar;

/** Refreshing the shipped bank holidays from a GOV.UK-format feed, served on loopback. */
@ExtendWith(OutputCaptureExtension.class)
class CalendarRefreshTest {

    /** 2026 to 2028 as shipped, less Boxing Day 2026, plus an invented one-off and a full 2029. */
    static final List<LocalDate> FEED_2026_TO_2029 = feed2026To2029();

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FeedServer server;
    private final CalendarSource source = new CalendarSource(BankHolidays.shipped());

    CalendarRefreshTest() throws IOException {
        server = new FeedServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private CalendarRefresh refresh(URI uri, Duration timeout) {
        return new CalendarRefresh(source, new BankHolidayFeed(uri, timeout), Duration.ofHours(24));
    }

    private CalendarRefresh refresh() {
        return refresh(server.uri(), TIMEOUT);
    }

    private static List<LocalDate> feed2026To2029() {
        List<LocalDate> dates = new ArrayList<>(BankHolidays.shipped().dates()
                .subSet(LocalDate.of(2026, 1, 1), LocalDate.of(2029, 1, 1)));
        dates.remove(LocalDate.of(2026, 12, 28));
        dates.add(LocalDate.of(2026, 6, 15));
        dates.addAll(FeedServer.dates("2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28",
                "2029-08-27", "2029-12-25", "2029-12-26"));
        return dates;
    }

    @Test
    void fetchedBankHolidaysAreAddedToTheShippedOnes(CapturedOutput output) {
        server.serving(FeedServer.govUkFeed(FEED_2026_TO_2029));

        assertThat(refresh().refreshNow()).isTrue();

        WorkingDayCalendar calendar = source.current();
        assertThat(calendar.coveredFrom()).isEqualTo(LocalDate.of(2015, 1, 1));
        assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.of(2029, 12, 31));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 6, 15))).as("a one-off announced later").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2029, 12, 26))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2029, 12, 27))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).as("a Scottish bank holiday only").isTrue();
        assertThat(source.bankHolidays().dates()).containsAll(BankHolidays.shipped().dates());
        assertThat(output).contains("Bank holidays refreshed from " + server.uri())
                .contains("2026-06-15");
    }

    @Test
    void aShippedDateTheFeedNoLongerListsStaysABankHoliday(CapturedOutput output) {
        server.serving(FeedServer.govUkFeed(FEED_2026_TO_2029));

        refresh().refreshNow();

        assertThat(source.current().isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse();
        assertThat(source.current().isWorkingDay(LocalDate.of(2015, 12, 28))).as("before the feed's years")
                .isFalse();
        assertThat(output).contains("no longer lists the shipped bank holidays [2026-12-28]; they are kept");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 500, 503})
    void anErrorAnswerKeepsTheShippedCalendar(int status, CapturedOutput output) {
        server.answering(status, FeedServer.govUkFeed(FEED_2026_TO_2029));
        WorkingDayCalendar before = source.current();

        assertThat(refresh().refreshNow()).isFalse();

        assertThat(source.current()).isSameAs(before);
        assertThat(output).contains("Bank holidays could not be refreshed from " + server.uri())
                .contains("HTTP " + status).contains("keeping 115 bank holidays, 2015 to 2028");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "<html>GOV.UK is down for maintenance</html>",
            "{\"scotland\":{\"division\":\"scotland\",\"events\":[{\"date\":\"2029-01-01\"}]}}",
            "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":[{\"date\":\"2029-01-01\"}]}}",
    })
    void whatIsNotACompleteEnglandAndWalesCalendarKeepsTheShippedCalendar(String body) {
        server.serving(body);
        WorkingDayCalendar before = source.current();

        assertThat(refresh().refreshNow()).isFalse();

        assertThat(source.current()).isSameAs(before);
    }

    @Test
    void aFeedLeavingAGapAfterTheShippedYearsKeepsTheShippedCalendar(CapturedOutput output) {
        server.serving(FeedServer.govUkFeed(FeedServer.dates("2030-01-01", "2030-04-19", "2030-04-22",
                "2030-05-06", "2030-05-27", "2030-08-26", "2030-12-25", "2030-12-26")));
        WorkingDayCalendar before = source.current();

        assertThat(refresh().refreshNow()).isFalse();

        assertThat(source.current()).isSameAs(before);
        assertThat(output).contains("do not fit the shipped ones").contains("2029 lists 0 bank holidays");
    }

    @Test
    void anUnreachableFeedKeepsTheShippedCalendar() throws IOException {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + FeedServer.PATH);
        }
        WorkingDayCalendar before = source.current();

        assertThat(refresh(closedPort, TIMEOUT).refreshNow()).isFalse();

        assertThat(source.current()).isSameAs(before);
    }

    @Test
    void aFeedThatDoesNotAnswerInTimeKeepsTheShippedCalendar(CapturedOutput output) {
        server.stalling().serving(FeedServer.govUkFeed(FEED_2026_TO_2029));
        WorkingDayCalendar before = source.current();

        long started = System.nanoTime();
        assertThat(refresh(server.uri(), Duration.ofMillis(300)).refreshNow()).isFalse();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(source.current()).isSameAs(before);
        assertThat(output).contains("Bank holidays could not be refreshed");
    }

    @Test
    void aFailedRefreshKeepsTheLastGoodOneRatherThanFallingBackToTheShippedFile() {
        server.serving(FeedServer.govUkFeed(FEED_2026_TO_2029));
        CalendarRefresh refresh = refresh();
        refresh.refreshNow();
        WorkingDayCalendar refreshed = source.current();

        server.answering(500, "");

        assertThat(refresh.refreshNow()).isFalse();
        assertThat(source.current()).isSameAs(refreshed);
        assertThat(source.current().coveredUntil()).isEqualTo(LocalDate.of(2029, 12, 31));
    }
}
