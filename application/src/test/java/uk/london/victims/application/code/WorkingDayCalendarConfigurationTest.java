package uk.london.victims.application.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ResolvableType;

import uk.london.victims.domain.code.WorkingDayCalendar;

/** The calendar the service counts with: the shipped one, refreshed only when a feed is configured. */
@ExtendWith(OutputCaptureExtension.class)
class WorkingDayCalendarConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withUserConfiguration(WorkingDayCalendarConfiguration.class)
            .withBean(Clock.class, () -> fixedClock("2024-06-10T09:00:00Z"));

    private final FeedServer server;

    WorkingDayCalendarConfigurationTest() throws IOException {
        server = new FeedServer();
    }

    private static Clock fixedClock(String instant) {
        return Clock.fixed(Instant.parse(instant), WorkingDayCalendar.LONDON);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void byDefaultTheShippedCalendarIsUsedAndNothingIsFetched(CapturedOutput output) {
        service.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CalendarSource.class)
                    .doesNotHaveBean(CalendarRefresh.class);
            WorkingDayCalendar calendar = context.getBean(CalendarSource.class).current();
            assertThat(calendar.coveredFrom()).isEqualTo(LocalDate.of(2015, 1, 1));
            assertThat(calendar.coveredUntil()).isEqualTo(LocalDate.of(2028, 12, 31));
            assertThat(context.getBean(CalendarProperties.class).refreshInterval()).isEqualTo(Duration.ofHours(24));
        });
        assertThat(output).contains("Working days counted with 115 bank holidays")
                .doesNotContain("The shipped bank holidays end on");
        assertThat(server.requests()).isZero();
    }

    @Test
    void aYearBeforeTheShippedCalendarRunsOutStartUpWarns(CapturedOutput output) {
        new ApplicationContextRunner()
                .withUserConfiguration(WorkingDayCalendarConfiguration.class)
                .withBean(Clock.class, () -> fixedClock("2028-03-01T09:00:00Z"))
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(output).contains("The shipped bank holidays end on 2028-12-31");
    }

    @Test
    void anEmptyRefreshUrlMeansOff() {
        service.withPropertyValues("vjt.calendar.refresh-url=").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(CalendarRefresh.class));
    }

    @Test
    void aModuleThatCannotSeeTheApplicationModuleCanAskForASupplierOfTheCalendar() {
        service.run(context -> {
            @SuppressWarnings("unchecked")
            Supplier<WorkingDayCalendar> supplier = (Supplier<WorkingDayCalendar>) context.getBeanProvider(
                    ResolvableType.forClassWithGenerics(Supplier.class, WorkingDayCalendar.class)).getObject();
            assertThat(supplier.get()).isSameAs(context.getBean(CalendarSource.class).current());
        });
    }

    @Test
    void aConfiguredFeedIsFetchedAtStartUpWithoutHoldingItUp() {
        server.serving(FeedServer.govUkFeed(CalendarRefreshTest.FEED_2026_TO_2029));

        service.withPropertyValues("vjt.calendar.refresh-url=" + server.uri()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CalendarRefresh.class);
            CalendarSource source = context.getBean(CalendarSource.class);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> source.current().coveredUntil().equals(LocalDate.of(2029, 12, 31)));
            assertThat(source.current().isWorkingDay(LocalDate.of(2026, 6, 15))).isFalse();
            assertThat(server.requests()).isEqualTo(1);
        });
    }

    @Test
    void anUnavailableFeedLeavesTheServiceOnTheShippedCalendar() {
        server.answering(503, "");

        service.withPropertyValues("vjt.calendar.refresh-url=" + server.uri()).run(context -> {
            assertThat(context).hasNotFailed();
            await().atMost(Duration.ofSeconds(10)).until(() -> server.requests() == 1);
            assertThat(context.getBean(CalendarSource.class).current().coveredUntil())
                    .isEqualTo(LocalDate.of(2028, 12, 31));
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "vjt.calendar.refresh-url=ftp://www.gov.uk/bank-holidays.json",
            "vjt.calendar.refresh-url=www.gov.uk/bank-holidays.json",
            "vjt.calendar.refresh-interval=0s",
            "vjt.calendar.refresh-interval=10s",
    })
    void aMistakenSettingStopsStartUp(String setting) {
        service.withPropertyValues(setting).run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("vjt.calendar"));
    }
}
