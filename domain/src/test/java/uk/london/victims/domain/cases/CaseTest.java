package uk.london.victims.domain.cases;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.london.victims.domain.cases.investigation.ReportCrimeCommand;
import uk.london.victims.domain.cases.victims.RecordVictimInformedCommand;

class CaseTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final CaseId CASE = new CaseId("case-0000-0001");
    private static final Instant REPORTED = Instant.parse("2026-03-01T20:15:00Z");

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.givenCurrentTime(NOW);
    }

    @Test
    void reportingACrimeOpensTheCase() {
        fixture.givenNoPriorActivity()
               .when(new ReportCrimeCommand(CASE, ReportChannel.PHONE_101, REPORTED))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new CrimeReportedEvent(CASE, ReportChannel.PHONE_101, REPORTED));
    }

    @Test
    void aReportFromTheFutureIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new ReportCrimeCommand(CASE, ReportChannel.ONLINE, NOW.plus(Duration.ofMinutes(10))))
               .expectException(CaseRuleViolationException.class)
               .expectExceptionMessage("occurredAt is in the future")
               .expectNoEvents();
    }

    @Test
    void agencyClocksMayRunAMinuteFast() {
        fixture.givenNoPriorActivity()
               .when(new ReportCrimeCommand(CASE, ReportChannel.ONLINE, NOW.plus(Duration.ofMinutes(1))))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aReportNeedsAChannelAndATime() {
        fixture.givenNoPriorActivity()
               .when(new ReportCrimeCommand(CASE, null, REPORTED))
               .expectException(CaseRuleViolationException.class)
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new ReportCrimeCommand(CASE, ReportChannel.ONLINE, null))
               .expectException(CaseRuleViolationException.class)
               .expectNoEvents();
    }

    @Test
    void tellingTheVictimIsRecordedWithItsRealTime() {
        Instant told = Instant.parse("2026-03-02T09:30:00Z");
        fixture.given(new CrimeReportedEvent(CASE, ReportChannel.ONLINE, REPORTED))
               .when(new RecordVictimInformedCommand(CASE, null, null, "crime-recorded", ContactChannel.SMS, "PC 1234", told))
               .expectEvents(new VictimInformedEvent(CASE, null, null, "crime-recorded", ContactChannel.SMS, "PC 1234", told));
    }

    @Test
    void theVictimCannotHaveBeenToldBeforeTheCrimeWasReported() {
        fixture.given(new CrimeReportedEvent(CASE, ReportChannel.ONLINE, REPORTED))
               .when(new RecordVictimInformedCommand(CASE, null, null, null, ContactChannel.PHONE, "PC 1234",
                       REPORTED.minus(Duration.ofHours(1))))
               .expectException(CaseRuleViolationException.class)
               .expectNoEvents();
    }

    @Test
    void whoToldTheVictimMustBeSaid() {
        fixture.given(new CrimeReportedEvent(CASE, ReportChannel.ONLINE, REPORTED))
               .when(new RecordVictimInformedCommand(CASE, null, null, null, ContactChannel.PHONE, " ", NOW))
               .expectException(CaseRuleViolationException.class)
               .expectNoEvents();
    }

    @Test
    void aCaseIdIsOpaqueAndBounded() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CaseId("short"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CaseId("has spaces in it"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
