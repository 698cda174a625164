package uk.london.victims.web;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.client.MongoDatabase;

import uk.london.victims.application.store.MongoEventStorageEngine;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.cases.CrimeReportedEvent;
import uk.london.victims.domain.cases.ReportChannel;
import uk.london.victims.domain.cases.VictimInformedEvent;
import uk.london.victims.projections.casesummary.CaseSummaryProjection;
import uk.london.victims.web.security.AgencyRole;

/**
 * The running service on a store: the agency API's answers, optimistic concurrency end to end,
 * snapshots and the aggregate cache, and replay. Subclasses choose the store and where a police officer's
 * bearer token comes from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vjt.axon.snapshot-threshold=20")
abstract class ServiceContract {

    static {
        AxonDefaults.apply();
    }

    @Autowired
    WebTestClient http;
    @Autowired
    MongoDatabase database;
    @Autowired
    MongoEventStorageEngine storageEngine;
    @Autowired
    EventStore eventStore;
    @Autowired
    Cache caseCache;
    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void signInAsAPoliceOfficer() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken(AgencyRole.POLICE_OFFICER)).build();
    }

    /** A token for the role from wherever this service gets its tokens. */
    abstract String bearerToken(AgencyRole role);

    @Test
    void reportsACrimeAndReadsTheCaseBack() {
        String caseId = report(null).getResponseBody().get("caseId");
        contact(caseId, "2026-03-01T21:00:00Z").expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get().uri("/api/cases/{id}", caseId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("REPORTED")
                .jsonPath("$.reportedAt").isEqualTo("2026-03-01T20:15:00Z")
                .jsonPath("$.victimContacts").isEqualTo(1));
    }

    @Test
    void reportingTheSameCaseTwiceIsAConflictAndWritesNothing() {
        String caseId = CaseId.newId().value();
        report(caseId);
        long position = storageEngine.lastReservedPosition();
        long events = storedEvents();

        http.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("caseId", caseId, "channel", "PHONE_101", "occurredAt", "2026-03-01T20:15:00Z"))
            .exchange()
            .expectStatus().isEqualTo(HttpStatus.CONFLICT)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("https://victims.london/problems/conflict");

        assertThat(storedEvents()).isEqualTo(events);
        assertThat(storageEngine.lastReservedPosition()).isGreaterThan(position);
    }

    @Test
    void aChangeMadeElsewhereMeanwhileGives409ThenTheRetrySucceeds() {
        String caseId = report(null).getResponseBody().get("caseId");
        contact(caseId, "2026-03-01T21:00:00Z").expectStatus().isCreated();
        // Another service instance records event 2 on the same case; this instance's cached copy is now stale.
        eventStore.publish(new GenericDomainEventMessage<>("Case", caseId, 2, new VictimInformedEvent(
                new CaseId(caseId), null, ContactChannel.LETTER, "Witness Care", Instant.parse("2026-03-02T09:00:00Z"))));
        long events = storedEvents();

        contact(caseId, "2026-03-02T10:00:00Z").expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(storedEvents()).isEqualTo(events);

        contact(caseId, "2026-03-02T10:00:00Z").expectStatus().isCreated();
        assertThat(eventStore.readEvents(caseId).asStream().count()).isEqualTo(4);
    }

    @Test
    void aLongCaseIsLoadedFromItsSnapshotAndThenFromTheCache() {
        String caseId = report(null).getResponseBody().get("caseId");
        for (int i = 0; i < 45; i++) {
            contact(caseId, "2026-03-02T10:00:00Z").expectStatus().isCreated();
        }
        Document snapshot = database.getCollection("snapshots").find(eq("_id", caseId)).first();
        assertThat(snapshot).isNotNull();
        assertThat(snapshot.get("seq", Number.class).longValue()).isGreaterThanOrEqualTo(20);

        long readBefore = storageEngine.aggregateEventsRead();
        contact(caseId, "2026-03-02T11:00:00Z").expectStatus().isCreated();
        assertThat(storageEngine.aggregateEventsRead()).as("cached: no events read").isEqualTo(readBefore);

        caseCache.remove(caseId);
        contact(caseId, "2026-03-02T12:00:00Z").expectStatus().isCreated();
        long readFromStore = storageEngine.aggregateEventsRead() - readBefore;
        assertThat(readFromStore).as("only the events after the snapshot are read").isLessThan(20);
    }

    @Test
    void badInputGetsASpecificProblemAndWritesNothing() {
        long events = storedEvents();
        http.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("channel", "PIGEON", "occurredAt", "2026-03-01T20:15:00Z")).exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("channel must be one of"));
        http.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("channel", "ONLINE")).exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.detail").isEqualTo("occurredAt must not be null");
        http.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("channel", "ONLINE", "occurredAt", Instant.now().plus(Duration.ofDays(1)).toString())).exchange()
            .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
            .expectBody().jsonPath("$.type").isEqualTo("https://victims.london/problems/occurred-at-in-future");
        http.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange()
            .expectStatus().isBadRequest()
            .expectBody(String.class).value(body -> assertThat(body)
                    .contains("not valid JSON").doesNotContain("Exception").doesNotContain("jackson").doesNotContain("trace"));
        http.post().uri("/api/cases/{id}/victim-contacts", CaseId.newId().value()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("channel", "PHONE", "informedBy", "PC 1", "occurredAt", "2026-03-01T21:00:00Z")).exchange()
            .expectStatus().isNotFound();
        http.get().uri("/api/cases/{id}", "x").exchange().expectStatus().isBadRequest();
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void replayRebuildsTheReadModelExactlyAsItWasBuiltLive() {
        for (int i = 0; i < 30; i++) {
            String caseId = report(null).getResponseBody().get("caseId");
            for (int c = 0; c < i % 4; c++) {
                contact(caseId, "2026-03-0" + (c + 2) + "T10:00:00Z").expectStatus().isCreated();
            }
        }
        // Bulk history written straight to the store, as other instances would, so replay has work to measure.
        for (int i = 0; i < 200; i++) {
            CaseId caseId = CaseId.newId();
            List<DomainEventMessage<?>> history = new ArrayList<>();
            history.add(new GenericDomainEventMessage<>("Case", caseId.value(), 0,
                    new CrimeReportedEvent(caseId, ReportChannel.ONLINE, Instant.parse("2026-03-01T20:15:00Z"))));
            for (int seq = 1; seq < 10; seq++) {
                history.add(new GenericDomainEventMessage<>("Case", caseId.value(), seq, new VictimInformedEvent(
                        caseId, null, ContactChannel.EMAIL, "Witness Care", Instant.parse("2026-03-02T09:00:00Z"))));
            }
            storageEngine.appendEvents(history);
        }
        PooledStreamingEventProcessor processor = processing
                .eventProcessor(CaseSummaryProjection.PROCESSING_GROUP, PooledStreamingEventProcessor.class).orElseThrow();
        awaitCaughtUp(processor);
        List<Document> live = readModel();
        assertThat(live).hasSizeGreaterThanOrEqualTo(30);

        long started = System.nanoTime();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
               .until(() -> !processor.isReplaying() && caughtUp(processor));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(readModel()).isEqualTo(live);
        System.out.printf("replay: %d event positions rebuilt into %d case summaries in %.2f s (%.0f events/s)%n",
                storageEngine.lastReservedPosition(), live.size(), seconds, storageEngine.lastReservedPosition() / seconds);
    }

    private void awaitCaughtUp(PooledStreamingEventProcessor processor) {
        await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp(processor));
    }

    private boolean caughtUp(PooledStreamingEventProcessor processor) {
        long head = storageEngine.lastReservedPosition();
        return !processor.processingStatus().isEmpty() && processor.processingStatus().values().stream().allMatch(
                status -> status.isCaughtUp() && status.getCurrentPosition().orElse(-1) >= head);
    }

    private List<Document> readModel() {
        return database.getCollection(CaseSummaryProjection.COLLECTION).find().sort(new Document("_id", 1))
                       .into(new ArrayList<>());
    }

    private long storedEvents() {
        long count = 0;
        for (Document commit : database.getCollection("events").find()) {
            count += commit.getBoolean("void", false) ? 0 : commit.getList("events", Document.class).size();
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    private org.springframework.test.web.reactive.server.EntityExchangeResult<Map<String, String>> report(String caseId) {
        Map<String, String> body = caseId == null
                ? Map.of("channel", "ONLINE", "occurredAt", "2026-03-01T20:15:00Z")
                : Map.of("caseId", caseId, "channel", "ONLINE", "occurredAt", "2026-03-01T20:15:00Z");
        return (org.springframework.test.web.reactive.server.EntityExchangeResult<Map<String, String>>) (Object)
                http.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isCreated()
                    .expectBody(Map.class).returnResult();
    }

    private WebTestClient.ResponseSpec contact(String caseId, String occurredAt) {
        return http.post().uri("/api/cases/{id}/victim-contacts", caseId).contentType(MediaType.APPLICATION_JSON)
                   .bodyValue(Map.of("channel", "PHONE", "informedBy", "PC 1234", "occurredAt", occurredAt)).exchange();
    }
}
