package uk.london.victims.domain.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.london.victims.domain.cases.court.ListHearingCommand;
import uk.london.victims.domain.cases.victims.RecordComplaintResponseCommand;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/**
 * Suspects and victims are Axon entities that apply the events naming them (routed by suspectId and
 * victimId): an event about one must change that one and leave its neighbours alone, or a rule would
 * pass or fail for the wrong person.
 */
class CaseEntitiesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final CaseId CASE = new CaseId("case-0000-0003");
    private static final SuspectId S1 = new SuspectId("S1");
    private static final SuspectId S2 = new SuspectId("S2");
    private static final PersonId V1 = new PersonId("victim-0001");
    private static final PersonId V2 = new PersonId("victim-0002");
    private static final Instant T0 = Instant.parse("2026-03-01T20:15:00Z");

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.givenCurrentTime(NOW);
    }

    private static Instant at(int day) {
        return T0.plus(Duration.ofDays(day));
    }

    private static List<Object> twoSuspectsOneCharged() {
        return List.of(new CrimeReportedEvent(CASE, ReportChannel.ONLINE, T0),
                new SuspectIdentifiedEvent(CASE, S1, at(1)),
                new SuspectIdentifiedEvent(CASE, S2, at(1)),
                new SuspectChargedEvent(CASE, S1, List.of("Robbery"), at(2)));
    }

    private static List<Object> twoVictimsOneComplained() {
        return List.of(new CrimeReportedEvent(CASE, ReportChannel.ONLINE, T0),
                new VictimAddedEvent(CASE, V1, VictimKind.DIRECT_VICTIM, new Sealed(V1, "v1:opaque"), false, at(0)),
                new VictimAddedEvent(CASE, V2, VictimKind.DIRECT_VICTIM, new Sealed(V2, "v2:opaque"), false, at(0)),
                new ComplaintMadeEvent(CASE, V1, "C1", Agency.POLICE, new Sealed(V1, "v1:complaint"), at(3)));
    }

    @Test
    void aChargeReachesTheChargedSuspectOnly() {
        HearingId hearing = new HearingId("H1");
        fixture.given(twoSuspectsOneCharged())
               .when(new ListHearingCommand(CASE, hearing, S1, "Thames Magistrates' Court", at(20), HearingType.FIRST_APPEARANCE, at(4)))
               .expectEvents(new HearingListedEvent(CASE, hearing, S1, "Thames Magistrates' Court", at(20),
                       HearingType.FIRST_APPEARANCE, at(4)));
        fixture.given(twoSuspectsOneCharged())
               .when(new ListHearingCommand(CASE, hearing, S2, "Thames Magistrates' Court", at(20), HearingType.FIRST_APPEARANCE, at(4)))
               .expectNoEvents()
               .expectException(CaseRuleMatchers.withCode("not-charged"));
    }

    @Test
    void aComplaintBelongsToTheVictimWhoMadeIt() {
        fixture.given(twoVictimsOneComplained())
               .when(new RecordComplaintResponseCommand(CASE, V1, "C1", ComplaintStep.ACKNOWLEDGED, at(4)))
               .expectEvents(new ComplaintResponseRecordedEvent(CASE, V1, "C1", ComplaintStep.ACKNOWLEDGED, at(4)));
        fixture.given(twoVictimsOneComplained())
               .when(new RecordComplaintResponseCommand(CASE, V2, "C1", ComplaintStep.ACKNOWLEDGED, at(4)))
               .expectNoEvents()
               .expectException(CaseRuleMatchers.withCode("unknown-complaint"));
    }
}
