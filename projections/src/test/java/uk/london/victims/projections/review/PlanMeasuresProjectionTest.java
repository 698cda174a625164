package uk.london.victims.projections.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.CrimeReclassifiedEvent;
import uk.london.victims.domain.cases.CrimeRecordedEvent;
import uk.london.victims.domain.cases.CrimeReportedEvent;
import uk.london.victims.domain.cases.NoFurtherActionTakenEvent;
import uk.london.victims.domain.cases.OffenceCategory;
import uk.london.victims.domain.cases.ReportChannel;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.VictimAddedEvent;
import uk.london.victims.domain.cases.VictimKind;
import uk.london.victims.domain.geography.Borough;
import uk.london.victims.domain.people.PersonId;

/** The projection's meaning in three small histories; the property test compares it with the full computation. */
class PlanMeasuresProjectionTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private PlanMeasuresProjection projection;
    private PlanMeasuresQueries queries;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("plan-measures");
        projection = new PlanMeasuresProjection(database);
        queries = new PlanMeasuresQueries(database, 5);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aReportCountsInTheLondonDayItWasMadeOnAcrossAClockChange() {
        // 23:30 UTC on 26 October 2024 is 00:30 on the 27th in London (BST), the night the clocks went back.
        CaseId late = new CaseId("case-late-night");
        handle(late, 0, new CrimeReportedEvent(late, ReportChannel.ONLINE, Instant.parse("2024-10-26T23:30:00Z")), "2024-10-27T00:00:00Z");

        Instant londonMidnight27th = Instant.parse("2024-10-26T23:00:00Z");
        Instant londonMidnight28th = Instant.parse("2024-10-28T00:00:00Z");
        assertThat(measures(londonMidnight27th, londonMidnight28th, "2025-01-01T00:00:00Z").cases()).isEqualTo(1);
        assertThat(measures(Instant.parse("2024-10-26T00:00:00Z"), londonMidnight27th, "2025-01-01T00:00:00Z").cases()).isZero();
    }

    @Test
    void aPeriodFromBeforeAnyCalendarDateToTheFarFutureCountsWhatIsStored() {
        // The API accepts any instant; year -999999999 has no London date (a 500 the fuzzer found).
        CaseId id = new CaseId("case-any-period");
        handle(id, 0, new CrimeReportedEvent(id, ReportChannel.ONLINE, Instant.parse("2025-03-03T10:00:00Z")), "2025-03-03T10:01:00Z");

        assertThat(measures(Instant.parse("-999999999-01-01T00:00:00Z"), Instant.parse("+999999999-12-31T23:59:59Z"),
                "2026-01-01T00:00:00Z").cases()).isEqualTo(1);
        assertThat(measures(Instant.parse("-999999999-01-01T00:00:00Z"), Instant.parse("1900-01-01T00:00:00Z"),
                "2026-01-01T00:00:00Z").cases()).isZero();
        assertThat(measures(Instant.parse("2099-01-01T00:00:00Z"), Instant.MAX, "2026-01-01T00:00:00Z").cases()).isZero();
    }

    @Test
    void aReclassificationRecordedLaterChangesTheFiguresOnlyFromWhenItWasRecorded() {
        CaseId id = new CaseId("case-reclassified");
        handle(id, 0, new CrimeReportedEvent(id, ReportChannel.ONLINE, Instant.parse("2025-03-03T10:00:00Z")), "2025-03-03T10:01:00Z");
        handle(id, 1, new CrimeRecordedEvent(id, "CRIS-1", OffenceCategory.THEFT, Borough.values()[0], Set.of(), Set.of(),
                Instant.parse("2025-03-03T11:00:00Z")), "2025-03-03T11:01:00Z");
        handle(id, 2, new NoFurtherActionTakenEvent(id, new SuspectId("S1"), "no evidence", Instant.parse("2025-03-20T10:00:00Z")),
                "2025-03-20T10:01:00Z");
        // Reclassified in April, with its real time in March: recorded late.
        handle(id, 3, new CrimeReclassifiedEvent(id, OffenceCategory.ROBBERY, Set.of(), Set.of(), "force used",
                Instant.parse("2025-03-04T10:00:00Z")), "2025-04-10T09:00:00Z");

        Instant from = Instant.parse("2025-03-01T00:00:00Z");
        Instant to = Instant.parse("2025-04-01T00:00:00Z");
        assertThat(measures(from, to, "2025-04-01T00:00:00Z").endedWithoutConviction())
                .isEqualTo(Map.of("THEFT", Map.of("no further action (police)", 1L)));
        assertThat(measures(from, to, "2025-05-01T00:00:00Z").endedWithoutConviction())
                .isEqualTo(Map.of("ROBBERY", Map.of("no further action (police)", 1L)));
        assertThat(measures(from, to, "2025-03-03T10:00:59Z").cases()).as("before the report was recorded").isZero();
    }

    @Test
    void aVictimIsARepeatVictimOnceTheirEarlierReportIsKnown() {
        PersonId victim = new PersonId("victim-repeat-1");
        CaseId first = new CaseId("case-first-report");
        CaseId second = new CaseId("case-second-report");
        handle(second, 0, new CrimeReportedEvent(second, ReportChannel.ONLINE, Instant.parse("2025-06-10T10:00:00Z")), "2025-06-10T10:01:00Z");
        handle(second, 1, new VictimAddedEvent(second, victim, VictimKind.DIRECT_VICTIM, null, false,
                Instant.parse("2025-06-10T10:05:00Z")), "2025-06-10T10:06:00Z");
        // The earlier report, from January, is entered in July.
        handle(first, 0, new CrimeReportedEvent(first, ReportChannel.ONLINE, Instant.parse("2025-01-15T10:00:00Z")), "2025-07-01T09:00:00Z");
        handle(first, 1, new VictimAddedEvent(first, victim, VictimKind.DIRECT_VICTIM, null, false,
                Instant.parse("2025-01-15T10:05:00Z")), "2025-07-01T09:05:00Z");

        Instant from = Instant.parse("2025-06-01T00:00:00Z");
        Instant to = Instant.parse("2025-07-01T00:00:00Z");
        assertThat(measures(from, to, "2025-06-30T00:00:00Z").repeatVictims()).isZero();
        assertThat(measures(from, to, "2025-07-01T09:04:59Z").repeatVictims()).as("report known, victim not yet").isZero();
        assertThat(measures(from, to, "2025-07-01T09:05:00Z").repeatVictims()).isEqualTo(1);
        // Keyed by the pseudonymous id, holding when and nothing about who.
        Document stored = database.getCollection(PlanMeasuresProjection.VICTIMS).find().first();
        assertThat(stored.keySet()).containsExactly("_id", "reports");
        assertThat(stored.getList("reports", Document.class))
                .allSatisfy(r -> assertThat(r.keySet()).containsExactlyInAnyOrder("caseId", "reportedAt", "knownAt"));
    }

    private PlanMeasuresView measures(Instant from, Instant to, String asOf) {
        return queries.handle(new FindPlanMeasuresQuery(from, to, Instant.parse(asOf)));
    }

    private void handle(CaseId caseId, long sequence, Record event, String recordedAt) {
        projection.on(event, new GenericDomainEventMessage<>("Case", caseId.value(), sequence, event, Map.of(),
                caseId.value() + "/" + sequence, Instant.parse(recordedAt)));
    }
}
