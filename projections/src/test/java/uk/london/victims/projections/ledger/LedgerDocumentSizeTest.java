package uk.london.victims.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import uk.london.victims.projections.ledger.ObligationLedgerOnMongoTest.CrimeRecordedEvent;
import uk.london.victims.projections.ledger.ObligationLedgerOnMongoTest.CrimeReportedEvent;
import uk.london.victims.projections.ledger.ObligationLedgerOnMongoTest.EqualityDataRecordedEvent;
import uk.london.victims.projections.ledger.ObligationLedgerOnMongoTest.NeedsAssessedEvent;
import uk.london.victims.projections.ledger.ObligationLedgerOnMongoTest.SuspectArrestedEvent;
import uk.london.victims.projections.ledger.ObligationLedgerOnMongoTest.VictimAddedEvent;
import uk.london.victims.projections.ledger.ObligationLedgerOnMongoTest.VictimInformedEvent;

/**
 * The ledger's documents at London's volume: one BCU's busiest day (75,000 cases a year is about 205 a day;
 * here 100: the figures scale with it, 300 gave 183 kB), reported at scattered instants, each victim told at a
 * scattered later time, so deadlines
 * and times to meet are nearly all distinct, the worst case for the figures' keys). A shared document must
 * stay far below MongoDB's 16 MB limit, and work list items and deadlines must not grow with the day at all
 * (ADR 0038); the sizes are printed for {@code BENCHMARKS.md}.
 */
class LedgerDocumentSizeTest {

    static final int CASES = Integer.getInteger("vjt.ledger-size-test.cases", 100);

    @Test
    void aBusyDaysFiguresAndWorkListsStayFarBelowMongoDbsDocumentLimit() {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""))) {
            MongoDatabase database = client.getDatabase("t");
            Instant day = Instant.parse("2026-03-10T00:00:00Z");
            ObligationLedgerProjection projection = new ObligationLedgerProjection(database, LedgerFixtures.EVALUATOR,
                    new LedgerSettings("AGENCY:RIGHT,RIGHT:BOROUGH,AGENCY:BOROUGH,AGENCY:BCU,RIGHT:BCU,RIGHT:RIGHTS_LEVEL"),
                    // Recorded as the day begins, so every deadline is still to come and listed for the sweeper.
                    Clock.fixed(day, ZoneOffset.UTC));
            Random random = new Random(10);
            List<DomainEventMessage<?>> events = new ArrayList<>();
            String[] offences = {"ROBBERY", "BURGLARY_RESIDENTIAL", "THEFT", "VIOLENCE_WITH_INJURY", "CRIMINAL_DAMAGE"};
            String[] ages = {"AGE_18_24", "AGE_25_34", "AGE_35_44", "AGE_45_54", "AGE_65_PLUS"};
            for (int c = 0; c < CASES; c++) {
                String caseId = "case-" + c;
                Instant reported = day.plusSeconds(random.nextInt(86_400)).plusNanos(random.nextInt(1_000_000_000));
                Instant recorded = reported.plusSeconds(random.nextInt(7_200));
                List<Record> journey = new ArrayList<>(List.of(new CrimeReportedEvent("ONLINE", reported),
                        new VictimAddedEvent("V1", "DIRECT_VICTIM", reported),
                        new CrimeRecordedEvent(random.nextBoolean() ? "HACKNEY" : "TOWER_HAMLETS", offences[random.nextInt(offences.length)],
                                List.of(), recorded),
                        new NeedsAssessedEvent("V1", random.nextInt(4) == 0 ? List.of("INTIMIDATED") : List.of(), recorded),
                        new EqualityDataRecordedEvent("V1", ages[random.nextInt(ages.length)], random.nextBoolean() ? "FEMALE" : "MALE", recorded),
                        new SuspectArrestedEvent(recorded.plusSeconds(random.nextInt(86_400 * 3)))));
                journey.add(new VictimInformedEvent("V1", 2L, recorded.plusSeconds(60 + random.nextInt(86_400 * 6))));
                journey.add(new VictimInformedEvent("V1", 5L, recorded.plusSeconds(86_400 * 3 + random.nextInt(86_400 * 4))));
                for (int seq = 0; seq < journey.size(); seq++) {
                    Record event = journey.get(seq);
                    events.add(new GenericDomainEventMessage<>("Case", caseId, seq, event, Map.of(), caseId + "/" + seq,
                            recorded.plusSeconds(seq * 600L + random.nextInt(600))));
                }
            }
            // As a processor gets them: cases interleaved, in batches of 100.
            events.sort(java.util.Comparator.comparing(DomainEventMessage::getTimestamp));
            // The work the ledger and the in-process store did, as CPU time (the machine's load changes wall time).
            long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            for (int i = 0; i < events.size(); i += 100) {
                List<DomainEventMessage<?>> batch = events.subList(i, Math.min(events.size(), i + 100));
                new BatchingUnitOfWork<>(new ArrayList<>(batch)).executeWithResult(() -> {
                    DomainEventMessage<?> message = (DomainEventMessage<?>) CurrentUnitOfWork.get().getMessage();
                    projection.on(message.getPayload(), message);
                    return null;
                });
            }
            cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() - cpu;
            System.out.printf("ledger: %d events in batches of 100 took %.1f s of CPU (%.2f ms an event)%n", events.size(), cpu / 1e9,
                    cpu / 1e6 / events.size());
            long figures = largest(database, ObligationLedgerProjection.FIGURES);
            long workListItem = largest(database, ObligationLedgerProjection.OPEN);
            long dueItem = largest(database, ObligationLedgerProjection.DUE);
            long caseLedger = largest(database, ObligationLedgerProjection.LEDGER);
            System.out.printf("ledger sizes for %d cases on one day in one BCU (%d events): largest figures %,d B, work list item %,d B, "
                              + "deadline %,d B, a case's ledger %,d B (JSON)%n", CASES, events.size(), figures, workListItem, dueItem, caseLedger);
            assertThat(database.getCollection(ObligationLedgerProjection.FIGURES).countDocuments()).isGreaterThan(1);
            assertThat(figures).isGreaterThan(10_000).isLessThan(4L << 20);
            // A work list and the deadlines are an item per obligation, whatever the day holds.
            assertThat(database.getCollection(ObligationLedgerProjection.OPEN).countDocuments()).isPositive();
            assertThat(database.getCollection(ObligationLedgerProjection.DUE).countDocuments()).isGreaterThan(CASES);
            assertThat(workListItem).isLessThan(4_096);
            assertThat(dueItem).isLessThan(512);
        } finally {
            server.shutdownNow();
        }
    }

    private static long largest(MongoDatabase database, String collection) {
        long largest = 0;
        for (Document document : database.getCollection(collection).find()) {
            largest = Math.max(largest, document.toJson().length());
        }
        return largest;
    }
}
