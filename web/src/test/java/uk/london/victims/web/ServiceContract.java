package uk.london.victims.web;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
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
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.domain.people.Sealed;
import uk.london.victims.projections.casesummary.CaseSummaryProjection;
import uk.london.victims.projections.ledger.ObligationLedgerProjection;
import uk.london.victims.projections.review.PlanMeasuresProjection;
import uk.london.victims.projections.timeline.CaseTimelineProjection;
import uk.london.victims.web.security.AgencyRole;

/**
 * The running service on a store: the agency API's answers, optimistic concurrency end to end,
 * snapshots and the aggregate cache, and replay. Subclasses choose the store and where a police officer's
 * bearer token comes from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vjt.axon.snapshot-threshold=20", "vjt.notify.dispatch-every=200ms"})
// Generous: CI runs on 2 shared cores, and a slow answer is not what these tests are about.
@AutoConfigureWebTestClient(timeout = "30s")
// Records every query the service sends, for the check that each has an index (ADR 0030).
@Import(StoreQueries.Recording.class)
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
    @Autowired
    uk.london.victims.application.notifications.Outbox outbox;
    @Autowired
    PersonalDataVault vault;

    /**
     * Every query the service sent to the store during these tests (and any other service test in this JVM)
     * is served by {@code _id} or by an index start-up declares: on MongoDB the rest would scan their collection.
     */
    @AfterAll
    static void everyQueryTheServiceSentIsServedByAnIndex() {
        StoreQueries.assertEachServedBy(StoreIndexesAtStartUp.declared(), "notification_outbox", "case_summaries",
                "tracking_tokens", "events", "service_instances");
    }

    @BeforeEach
    void signInAsAPoliceOfficer() {
        // Reads of personal data need a purpose (X-Purpose); these tests give one on every request.
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken(AgencyRole.POLICE_OFFICER))
                .defaultHeader("X-Purpose", "service test").build();
    }

    /** A token for the role from wherever this service gets its tokens. */
    abstract String bearerToken(AgencyRole role);

    /** A token for a particular member of staff, for the tests of who may see which case. */
    abstract String bearerToken(AgencyRole role, String staffId, String unit, String bcu);

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
    void theServiceHasAPersonalDataVaultOnItsStore() {
        PersonId person = PersonId.newId();
        Sealed name = vault.seal(person, "Zoë Ó'Brien");
        assertThat(vault.open(name)).contains("Zoë Ó'Brien");
        assertThat(database.getCollection("person_keys").countDocuments(eq("_id", person.value()))).isOne();

        vault.erase(person);

        assertThat(vault.open(name)).isEmpty();
        assertThat(database.getCollection("person_keys").countDocuments(eq("_id", person.value()))).isZero();
    }

    @Test
    void healthReportsTheEventStoreWithoutRevealingDetails() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.status").isEqualTo("UP")
            .jsonPath("$.components.eventStore.status").isEqualTo("UP")
            .jsonPath("$.components.eventStore.details").doesNotExist()
            .jsonPath("$.components.diskSpace.details").doesNotExist();
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
                new CaseId(caseId), null, null, null, ContactChannel.LETTER, "Witness Care", Instant.parse("2026-03-02T09:00:00Z"))));
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

    private static final List<String> LEDGER_COLLECTIONS = List.of(ObligationLedgerProjection.LEDGER, ObligationLedgerProjection.FACTS,
            ObligationLedgerProjection.FIGURES, ObligationLedgerProjection.DUE, ObligationLedgerProjection.OPEN,
            ObligationLedgerProjection.BREACHES);

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
                        caseId, null, null, null, ContactChannel.EMAIL, "Witness Care", Instant.parse("2026-03-02T09:00:00Z"))));
            }
            storageEngine.appendEvents(history);
        }
        List<PooledStreamingEventProcessor> processors = List.of(CaseSummaryProjection.PROCESSING_GROUP,
                        CaseTimelineProjection.PROCESSING_GROUP, ObligationLedgerProjection.PROCESSING_GROUP).stream()
                .map(group -> processing.eventProcessor(group, PooledStreamingEventProcessor.class).orElseThrow()).toList();
        processors.forEach(this::awaitCaughtUp);
        List<Document> liveSummaries = readModel(CaseSummaryProjection.COLLECTION);
        List<Document> liveTimelines = readModel(CaseTimelineProjection.COLLECTION);
        Map<String, List<Document>> liveLedger = new java.util.LinkedHashMap<>();
        for (String collection : LEDGER_COLLECTIONS) {
            liveLedger.put(collection, readModel(collection));
        }
        assertThat(liveLedger.get(ObligationLedgerProjection.FIGURES)).isNotEmpty();
        assertThat(liveSummaries).hasSizeGreaterThanOrEqualTo(230);

        long started = System.nanoTime();
        for (PooledStreamingEventProcessor processor : processors) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
               .until(() -> processors.stream().allMatch(p -> !p.isReplaying() && caughtUp(p)));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(readModel(CaseSummaryProjection.COLLECTION)).isEqualTo(liveSummaries);
        assertThat(readModel(CaseTimelineProjection.COLLECTION)).isEqualTo(liveTimelines);
        // The ledger and the figures rebuilt from the events are what they were (breaches too: each is the
        // obligation and the deadline it passed, whoever wrote it and when).
        for (String collection : LEDGER_COLLECTIONS) {
            assertThat(readModel(collection)).as(collection).isEqualTo(liveLedger.get(collection));
        }
        System.out.printf("replay: %d event positions rebuilt into three read models (%d cases) in %.2f s (%.0f events/s)%n",
                storageEngine.lastReservedPosition(), liveSummaries.size(), seconds, storageEngine.lastReservedPosition() / seconds);
    }

    @Test
    void aJourneyFromReportToSentenceAndRestorativeJustice() {
        String caseId = report(null).getResponseBody().get("caseId");
        String s = "/api/cases/" + caseId;
        post(s + "/crime-record", Map.of("crimeReference", "CRIS-7654321/26", "offence", "ROBBERY", "borough", "HACKNEY",
                "priorityFlags", List.of("WEAPON_BASED"), "hateStrands", List.of(), "occurredAt", "2026-03-01T21:00:00Z"))
                .expectStatus().isCreated().expectHeader().valueEquals("ETag", "\"1\"");
        post(AgencyRole.POLICE_OFFICER, "CE", s + "/officer-assignments", Map.of("officerId", "DC-2001", "unit", "MPS-CE-CID",
                "occurredAt", "2026-03-01T22:00:00Z")).expectStatus().isCreated();
        post(s + "/suspects", Map.of("suspectId", "S1", "occurredAt", "2026-03-03T09:00:00Z")).expectStatus().isCreated();
        post(s + "/suspects/S1/arrests", Map.of("occurredAt", "2026-03-03T10:00:00Z")).expectStatus().isCreated();
        post(s + "/suspects/S1/interviews", Map.of("admittedOffence", true, "occurredAt", "2026-03-03T14:00:00Z"))
                .expectStatus().isCreated();
        post(s + "/suspects/S1/cps-referrals", Map.of("occurredAt", "2026-03-04T09:00:00Z")).expectStatus().isCreated();
        post(AgencyRole.CPS, "CE", s + "/suspects/S1/charging-decisions", Map.of("decision", "CHARGE", "charges", List.of("Robbery"),
                "occurredAt", "2026-03-05T11:00:00Z")).expectStatus().isCreated();
        post(AgencyRole.COURT, "CE", s + "/hearings", Map.of("hearingId", "H1", "suspectId", "S1", "court", "Thames Magistrates' Court",
                "scheduledFor", "2026-03-20T10:00:00Z", "type", "FIRST_APPEARANCE", "occurredAt", "2026-03-05T15:00:00Z"))
                .expectStatus().isCreated();
        post(AgencyRole.WITNESS_CARE, "CE", s + "/witness-care-receipts", Map.of("aboutSequence", 8, "information",
                "Hearing date, time and place", "occurredAt", "2026-03-06T09:00:00Z")).expectStatus().isCreated();
        post(AgencyRole.COURT, "CE", s + "/hearings/H1/outcomes", Map.of("outcome", "GUILTY_PLEA", "conditions", List.of(),
                "occurredAt", "2026-03-20T11:00:00Z")).expectStatus().isCreated();
        post(AgencyRole.COURT, "CE", s + "/suspects/S1/sentences", Map.of("sentence", "IMMEDIATE_CUSTODY", "lengthMonths", 30,
                "ancillaryOrders", List.of("Restraining order"), "occurredAt", "2026-04-10T12:00:00Z")).expectStatus().isCreated();
        post(AgencyRole.RJ_PROVIDER, "CE", s + "/suspects/S1/restorative-justice-steps", Map.of("step", "OFFERED", "occurredAt", "2026-04-20T12:00:00Z"))
                .expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(12);
        // The rules hold through the API too: a sentence needs a conviction, and it came once.
        post(AgencyRole.COURT, "CE", s + "/suspects/S1/sentences", Map.of("sentence", "FINE", "occurredAt", "2026-04-21T12:00:00Z"))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.type").isEqualTo("https://victims.london/problems/already-sentenced");
    }

    @Test
    void theCodeObligationsOfAJourneyAreReadBackWithTheirStatusAndEvidence() {
        // Monday 2 March 2026 (GMT). An enhanced victim: told of the arrest the next day, never of the charge.
        String caseId = (String) post("/api/cases", Map.of("channel", "PHONE_999", "occurredAt", "2026-03-02T09:00:00Z"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("caseId");
        String s = "/api/cases/" + caseId;
        post(s + "/crime-record", Map.of("crimeReference", "CRIS-O" + caseId.substring(0, 8), "offence", "ROBBERY",
                "borough", "HACKNEY", "occurredAt", "2026-03-02T10:00:00Z")).expectStatus().isCreated();
        String victim = (String) post(s + "/victims", Map.of("kind", "DIRECT_VICTIM", "personalDetails", Map.of("name", "Obligation Test"),
                "occurredAt", "2026-03-02T10:30:00Z")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("createdId");
        post(s + "/victims/" + victim + "/needs-assessments", Map.of("enhancedRightsReasons", List.of("INTIMIDATED"),
                "occurredAt", "2026-03-02T11:00:00Z")).expectStatus().isCreated();
        post(s + "/suspects", Map.of("suspectId", "S1", "occurredAt", "2026-03-02T12:00:00Z")).expectStatus().isCreated();
        post(s + "/suspects/S1/arrests", Map.of("occurredAt", "2026-03-02T13:00:00Z")).expectStatus().isCreated();   // 5
        String beforeTheTellingWasRecorded = Instant.now().toString();
        post(s + "/victim-contacts", Map.of("victimId", victim, "aboutSequence", 5, "informedAbout", "The arrest",
                "channel", "PHONE", "informedBy", "DC 1", "occurredAt", "2026-03-03T09:00:00Z")).expectStatus().isCreated();
        post(s + "/suspects/S1/police-charges", Map.of("charges", List.of("Robbery"), "occurredAt", "2026-03-04T09:00:00Z"))
                .expectStatus().isCreated();                                                                          // 7
        post(AgencyRole.COURT, "CE", s + "/hearings", Map.of("hearingId", "H1", "suspectId", "S1", "court", "Thames Magistrates' Court",
                "scheduledFor", "2026-03-20T10:00:00Z", "type", "FIRST_APPEARANCE", "occurredAt", "2026-03-04T15:00:00Z"))
                .expectStatus().isCreated();                                                                          // 8
        post(AgencyRole.WITNESS_CARE, "CE", s + "/witness-care-receipts", Map.of("aboutSequence", 8, "information", "Listing",
                "occurredAt", "2026-03-06T09:00:00Z")).expectStatus().isCreated();                                    // 9
        post(AgencyRole.WITNESS_CARE, "CE", s + "/victim-contacts", Map.of("victimId", victim, "aboutSequence", 9, "informedAbout",
                "Hearing date, time and place", "channel", "SMS", "informedBy", "WCO 7", "occurredAt", "2026-03-06T15:00:00Z"))
                .expectStatus().isCreated();

        // The obligations are read from the ledger, which follows the events a moment later: wait for the last.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get().uri(s + "/obligations").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(10));
        List<Map<String, Object>> now = obligations(s, null);
        assertThat(obligation(now, "R6-police-decision", 5)).containsEntry("status", "MET_ON_TIME")
                .containsEntry("evidenceSequence", 6).containsEntry("enhanced", true).containsEntry("owner", "POLICE")
                .containsEntry("basis", "CODE").containsEntry("enhancedBecause", List.of("INTIMIDATED"));
        assertThat(obligation(now, "R6-police-decision", 7)).containsEntry("status", "OVERDUE")
                .containsEntry("deadline", "2026-03-05T23:59:59.999999999Z");
        assertThat(obligation(now, "R8-hearing-to-witness-care", 8)).containsEntry("status", "MET_ON_TIME")
                .containsEntry("victimId", null);
        assertThat(obligation(now, "R8-hearing-date", 8)).containsEntry("status", "MET_ON_TIME")
                .containsEntry("owner", "WITNESS_CARE").containsEntry("clockStart", "2026-03-06T09:00:00Z");
        // A needs assessment alone is not a referral to support: R4 is met only by a referral or a recorded refusal.
        assertThat(obligation(now, "R4-needs-assessment-and-referral", 1)).containsEntry("status", "OVERDUE");
        assertThat(obligation(now, "R3-written-acknowledgement", 1)).containsEntry("basis", "LOCAL_STANDARD");
        // Before the telling was recorded, the record showed a breach; that answer for that date never changes,
        // while today's answer uses the real time the victim was told.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                obligation(obligations(s, beforeTheTellingWasRecorded), "R6-police-decision", 5)).containsEntry("status", "OVERDUE"));
        assertThat(obligations(s, beforeTheTellingWasRecorded))
                .noneMatch(o -> ((Number) o.get("triggerSequence")).longValue() == 7);
        List<Map<String, Object>> workList = http.get().uri(b -> b.path("/api/work-list").queryParam("agency", "POLICE").build())
                .exchange().expectStatus().isOk().expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        // One BCU's work list (the case is in Hackney, Central East): there, and not in North West's; an unknown BCU is refused.
        for (String[] bcu : new String[][] {{"CE", "true"}, {"NW", "false"}}) {
            List<Map<String, Object>> items = http.get().uri(b -> b.path("/api/work-list").queryParam("agency", "POLICE")
                            .queryParam("bcu", bcu[0]).build())
                    .exchange().expectStatus().isOk().expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                    }).returnResult().getResponseBody();
            assertThat(items.stream().anyMatch(item -> caseId.equals(item.get("caseId")))).as(bcu[0]).isEqualTo(Boolean.parseBoolean(bcu[1]));
        }
        http.get().uri(b -> b.path("/api/work-list").queryParam("agency", "POLICE").queryParam("bcu", "Atlantis").build())
            .exchange().expectStatus().isBadRequest();
        // A limited list: the earliest deadlines of the whole list first (issue 10: a work list costs what it lists).
        List<Map<String, Object>> firstTwo = http.get().uri(b -> b.path("/api/work-list").queryParam("agency", "POLICE")
                        .queryParam("limit", 2).build())
                .exchange().expectStatus().isOk().expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(workList).hasSizeGreaterThan(2);
        List<Object> firstDeadlines = workList.subList(0, 2).stream()
                .map(item -> (Object) ((Map<?, ?>) item.get("obligation")).get("deadline")).toList();
        assertThat(firstTwo.stream().map(item -> (Object) ((Map<?, ?>) item.get("obligation")).get("deadline")).toList())
                .isEqualTo(firstDeadlines);
        // A bad or missing query parameter is named, with what it accepts (issue 13).
        http.get().uri(b -> b.path("/api/work-list").queryParam("agency", "POLICEMEN").build())
            .exchange().expectStatus().isBadRequest().expectBody()
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("agency must be one of [").contains("POLICE"));
        // Recorded after its deadline had passed, the untold charge is a breach on record, once, from its deadline.
        assertThat(database.getCollection(ObligationLedgerProjection.BREACHES).find(new Document("caseId", caseId)).into(new ArrayList<>()))
                .filteredOn(b -> "R6-police-decision".equals(b.getString("ruleId")) && b.get("triggerSequence", Number.class).longValue() == 7)
                .extracting(b -> b.getString("overdueFrom")).containsExactly("2026-03-05T23:59:59.999999999Z");
        assertThat(workList).filteredOn(item -> caseId.equals(item.get("caseId")) && "OVERDUE".equals(item.get("urgency")))
                .extracting(item -> ((Map<?, ?>) item.get("obligation")).get("ruleId") + "@" + ((Map<?, ?>) item.get("obligation")).get("triggerSequence"))
                .contains("R6-police-decision@7", "R3-written-acknowledgement@1")
                .doesNotContain("R6-police-decision@5");
    }

    @Test
    void aVictimIsToldByTheChannelTheyChoseNeverAnUnsafeOneAndTheTellingIsTheEvidence() {
        String caseId = report(null).getResponseBody().get("caseId");
        String s = "/api/cases/" + caseId;
        String emailOnly = victim(s, "Notice Test One", "notice.one@example.invalid", "07700 900001");
        String phoneOnly = victim(s, "Notice Test Two", "notice.two@example.invalid", "07700 900002");
        post(s + "/victims/" + emailOnly + "/contact-preferences", Map.of("channels", List.of("EMAIL"),
                "unsafeChannels", List.of("SMS"), "occurredAt", "2026-03-02T09:00:00Z")).expectStatus().isCreated();
        post(s + "/victims/" + phoneOnly + "/contact-preferences", Map.of("channels", List.of("PHONE"),
                "unsafeChannels", List.of("EMAIL", "SMS"), "occurredAt", "2026-03-02T09:00:00Z")).expectStatus().isCreated();
        post(s + "/crime-record", Map.of("crimeReference", "CRIS-N" + caseId.substring(0, 8), "offence", "THEFT",
                "borough", "HACKNEY", "occurredAt", "2026-03-02T10:00:00Z")).expectStatus().isCreated();      // 5
        post(s + "/suspects", Map.of("suspectId", "S1", "occurredAt", "2026-03-02T11:00:00Z")).expectStatus().isCreated();
        // The arrest's own sequence, as answered: the notice about the recorded crime may be recorded as told
        // before or after it, so it is not always 7.
        long arrest = ((Number) post(s + "/suspects/S1/arrests", Map.of("occurredAt", "2026-03-02T12:00:00Z"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("version")).longValue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outbox.forCase(caseId))
                .filteredOn(m -> Long.valueOf(arrest).equals(((Number) m.get("aboutSequence")).longValue()))
                .extracting(m -> m.getString("victimId") + "/" + m.getString("channel") + "/" + m.getString("status"))
                .containsExactly(emailOnly + "/EMAIL/LOCAL_OUTBOX"));
        assertThat(outbox.forCase(caseId)).noneMatch(m -> "SMS".equals(m.getString("channel")))
                .noneMatch(m -> phoneOnly.equals(m.getString("victimId")))
                .allMatch(m -> m.getString("text").equals("There is an update on your case. Sign in to the victim journey tracker to see it."));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> obligations = obligations(s, null);
            assertThat(obligations).filteredOn(o -> "R6-police-decision".equals(o.get("ruleId"))
                                                   && ((Number) o.get("triggerSequence")).longValue() == arrest)
                    .extracting(o -> o.get("victimId") + "/" + o.get("status"))
                    // Told by email today about a March arrest: met, late. The other victim can only be phoned,
                    // which a person must do: still owed, and on the police work list.
                    .containsExactlyInAnyOrder(emailOnly + "/MET_LATE", phoneOnly + "/OVERDUE");
        });
    }

    @Test
    void aVictimOfThreeCasesInAYearIsFoundPersistentlyTargetedAndAnOfficerCanSaySo() {
        String person = "person-repeat-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String caseId = report(null).getResponseBody().get("caseId");
            cases.add(caseId);
            post("/api/cases/" + caseId + "/victims", Map.of("victimId", person, "kind", "DIRECT_VICTIM",
                    "personalDetails", Map.of("name", "Repeat Test"), "occurredAt", "2026-03-01T20:30:00Z")).expectStatus().isCreated();
        }
        // Found by the service from the person id alone, on the third case, naming the other two.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/cases/" + cases.get(2) + "/timeline")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries[?(@.type == 'VictimPersistentlyTargeted')].details.source").isEqualTo("REPEAT_VICTIMISATION")
                .jsonPath("$.entries[?(@.type == 'VictimPersistentlyTargeted')].details.otherCaseIds[0]").isEqualTo(cases.get(0))
                .jsonPath("$.entries[?(@.type == 'VictimPersistentlyTargeted')].recordedBy").isEqualTo("service:repeat-victimisation"));
        http.get().uri("/api/cases/" + cases.get(1) + "/timeline").exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.entries[?(@.type == 'VictimPersistentlyTargeted')]").isEmpty();

        // An officer's assessment on the second case, with its reason; a court may not record one, and twice is refused.
        String second = "/api/cases/" + cases.get(1) + "/victims/" + person;
        post(AgencyRole.COURT, second + "/persistent-targeting", Map.of("reason", "Same neighbours",
                "occurredAt", "2026-03-02T09:00:00Z")).expectStatus().isForbidden();
        post(second + "/persistent-targeting", Map.of("reason", "Same neighbours since January",
                "occurredAt", "2026-03-02T09:00:00Z")).expectStatus().isCreated();
        post(second + "/persistent-targeting", Map.of("reason", "Again", "occurredAt", "2026-03-02T10:00:00Z"))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.type").isEqualTo("https://victims.london/problems/already-persistently-targeted");
        // The CPS acts on a case only once the police have shared it with them (ADR 0018).
        post("/api/cases/" + cases.get(1) + "/shared-units", Map.of("unit", "CPS-London-South",
                "occurredAt", "2026-03-02T08:00:00Z")).expectStatus().isCreated();
        post(AgencyRole.CPS, second + "/enhanced-rights-by-discretion", Map.of("reason", "",
                "occurredAt", "2026-03-02T09:00:00Z")).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        post(AgencyRole.COMMISSIONER, second + "/enhanced-rights-by-discretion", Map.of("reason", "Carer",
                "occurredAt", "2026-03-02T09:00:00Z")).expectStatus().isForbidden();
        post(AgencyRole.CPS, second + "/enhanced-rights-by-discretion", Map.of("reason", "Carer with no support",
                "occurredAt", "2026-03-02T09:00:00Z")).expectStatus().isCreated();

        post("/api/cases/" + cases.get(1) + "/crime-record", Map.of("crimeReference", "CRIS-P" + cases.get(1).substring(0, 8),
                "offence", "THEFT", "borough", "HACKNEY", "occurredAt", "2026-03-02T11:00:00Z")).expectStatus().isCreated();
        post("/api/cases/" + cases.get(1) + "/suspects", Map.of("suspectId", "S1", "occurredAt", "2026-03-02T12:00:00Z"))
                .expectStatus().isCreated();
        post("/api/cases/" + cases.get(1) + "/suspects/S1/arrests", Map.of("occurredAt", "2026-03-02T13:00:00Z"))
                .expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(obligations("/api/cases/" + cases.get(1), null))
                .filteredOn(o -> "R6-police-decision".equals(o.get("ruleId")))
                .singleElement().satisfies(o -> assertThat(o).containsEntry("enhanced", true)
                        .containsEntry("enhancedBecause", List.of("PERSISTENTLY_TARGETED", "DISCRETION"))));
    }

    private String victim(String casePath, String name, String email, String phone) {
        return (String) post(casePath + "/victims", Map.of("kind", "DIRECT_VICTIM", "personalDetails",
                Map.of("name", name, "email", email, "phone", phone), "occurredAt", "2026-03-01T20:30:00Z"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("createdId");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCommissionerReviewsComplianceAndNobodyElseCan() {
        String caseId = report(null).getResponseBody().get("caseId");
        String s = "/api/cases/" + caseId;
        String victim = victim(s, "Review Test", "review@example.invalid", "07700 900003");
        post(s + "/crime-record", Map.of("crimeReference", "CRIS-R" + caseId.substring(0, 8), "offence", "BURGLARY_RESIDENTIAL",
                "borough", "HARROW", "occurredAt", "2026-03-02T10:00:00Z")).expectStatus().isCreated();
        post(s + "/victims/" + victim + "/equality-data", Map.of("ageBand", "AGE_35_44", "sex", "FEMALE",
                "occurredAt", "2026-03-02T11:00:00Z")).expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get().uri(s + "/obligations").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(3));
        WebTestClient commissioner = as(AgencyRole.COMMISSIONER);

        Map<String, Object> byBorough = commissioner.get().uri(b -> b.path("/api/review").queryParam("from", "2026-03-02T00:00:00Z")
                        .queryParam("to", "2026-03-03T00:00:00Z").queryParam("groupBy", "BOROUGH").build())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> harrow = ((List<Map<String, Object>>) byBorough.get("rows")).stream()
                .filter(row -> "HARROW".equals(row.get("group"))).findFirst().orElseThrow();
        // Clocks started on 2 March: R4 (referral to support), not given. R3 and R5 (told about the recording)
        // are local service standards, not counted in the Code's figures. (R2's clock started on 1 March, when
        // the report was made, so it belongs to another period.)
        assertThat(harrow).containsEntry("opened", 1).containsEntry("metOnTime", 0).containsEntry("overdue", 1);
        Map<String, Object> local = commissioner.get().uri(b -> b.path("/api/review").queryParam("from", "2026-03-02T00:00:00Z")
                        .queryParam("to", "2026-03-03T00:00:00Z").queryParam("groupBy", "BOROUGH")
                        .queryParam("basis", "LOCAL_STANDARDS").build())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((List<Map<String, Object>>) local.get("rows")).stream().filter(row -> "HARROW".equals(row.get("group")))
                .findFirst().orElseThrow()).containsEntry("opened", 2).containsEntry("overdue", 0).containsEntry("missedLocalStandard", 2);
        commissioner.get().uri(b -> b.path("/api/review").queryParam("from", "2026-03-02T00:00:00Z")
                        .queryParam("to", "2026-03-03T00:00:00Z").queryParam("groupBy", "SEX").build())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.rows[?(@.group == 'FEMALE')].opened").isNotEmpty();
        // Two-way: each agency's figures by right, for one borough; the same dimension twice, or a BCU that does not exist, is refused.
        commissioner.get().uri(b -> b.path("/api/review").queryParam("from", "2026-03-02T00:00:00Z")
                        .queryParam("to", "2026-03-03T00:00:00Z").queryParam("groupBy", "AGENCY").queryParam("thenBy", "RIGHT")
                        .queryParam("borough", "HARROW").queryParam("basis", "ALL").build())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.thenBy").isEqualTo("RIGHT")
                // R3 and R5 are local standards: missed, counted apart, never a Code breach.
                .jsonPath("$.breakdown.POLICE[?(@.group == 'R3')].missedLocalStandard").isEqualTo(List.of(1))
                .jsonPath("$.breakdown.POLICE[?(@.group == 'R3')].overdue").isEqualTo(List.of(0))
                .jsonPath("$.breakdown.POLICE[?(@.group == 'R5')].missedLocalStandard").isEqualTo(List.of(1))
                .jsonPath("$.rows[?(@.group == 'POLICE')].opened").isEqualTo(List.of(3));
        commissioner.get().uri(b -> b.path("/api/review").queryParam("from", "2026-03-02T00:00:00Z")
                        .queryParam("to", "2026-03-03T00:00:00Z").queryParam("groupBy", "RIGHT").queryParam("thenBy", "RIGHT").build())
                .exchange().expectStatus().isBadRequest();
        commissioner.get().uri(b -> b.path("/api/review").queryParam("from", "2026-03-02T00:00:00Z")
                        .queryParam("to", "2026-03-03T00:00:00Z").queryParam("bcu", "Atlantis").build())
                .exchange().expectStatus().isBadRequest();
        commissioner.get().uri(b -> b.path("/api/review").queryParam("from", "2026-03-02T00:00:00Z")
                        .queryParam("to", "2026-03-03T00:00:00Z").queryParam("groupBy", "COLOUR").build())
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("groupBy must be one of [").contains("RIGHT"));
        commissioner.get().uri(b -> b.path("/api/review").queryParam("from", "yesterday").queryParam("to", "2026-03-03T00:00:00Z").build())
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").isEqualTo("from must be an ISO-8601 instant with a zone, such as 2026-03-01T20:15:00Z");
        String csv = commissioner.get().uri(b -> b.path("/api/review/export.csv").queryParam("from", "2026-03-02T00:00:00Z")
                        .queryParam("to", "2026-03-03T00:00:00Z").queryParam("groupBy", "BOROUGH").build())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).contains("\"HARROW\",\"Harrow\",[c],[c],[c],[c],[c],[c],[c],[c],[c],[c],[c]");

        long audited = database.getCollection("audit_log").countDocuments();
        List<Map<String, Object>> behind = commissioner.get().uri(b -> b.path("/api/review/obligations")
                        .queryParam("from", "2026-03-02T00:00:00Z").queryParam("to", "2026-03-03T00:00:00Z")
                        .queryParam("groupBy", "BOROUGH").queryParam("group", "HARROW").build())
                .exchange().expectStatus().isOk().expectBodyList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(behind).hasSize(1).allMatch(o -> caseId.equals(o.get("caseId")));
        assertThat(database.getCollection("audit_log").countDocuments()).isEqualTo(audited + 1);
        // The Commissioner reads case histories without names.
        commissioner.get().uri(s + "/timeline").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.entries[1].details.personalDetails").isEqualTo("[withheld]");
        http.get().uri(s + "/timeline").exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.entries[1].details.personalDetails").value(v -> assertThat((String) v).contains("Review Test"));

        http.get().uri(b -> b.path("/api/review").queryParam("from", "2026-03-02T00:00:00Z")
                .queryParam("to", "2026-03-03T00:00:00Z").build()).exchange().expectStatus().isForbidden();
        http.get().uri(b -> b.path("/api/review/plan-measures").queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2027-01-01T00:00:00Z").build()).exchange().expectStatus().isForbidden();
        commissioner.post().uri(s + "/victim-contacts").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                    .exchange().expectStatus().isForbidden();
        commissioner.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                    .exchange().expectStatus().isForbidden();
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePlansMeasuresComeFromTheSameEvents() {
        // Three cases reported in January 2025, a window no other test uses; one victim in two of them.
        String first = caseReportedAt("2025-01-06T10:00:00Z", "ROBBERY");
        String second = caseReportedAt("2025-01-13T10:00:00Z", "ROBBERY");
        String third = caseReportedAt("2025-01-20T10:00:00Z", "BURGLARY_RESIDENTIAL");
        String repeatVictim = victim("/api/cases/" + first, "Plan Test", "plan@example.invalid", "07700 900004");
        post("/api/cases/" + second + "/victims", Map.of("victimId", repeatVictim, "kind", "DIRECT_VICTIM",
                "personalDetails", Map.of("name", "Plan Test"), "occurredAt", "2025-01-13T11:00:00Z")).expectStatus().isCreated();
        // First: charged, guilty plea at the magistrates' court 40 days after the report; VPS offered; RJ offered.
        String a = "/api/cases/" + first;
        post(a + "/suspects", Map.of("suspectId", "S1", "occurredAt", "2025-01-07T10:00:00Z")).expectStatus().isCreated();
        post(a + "/suspects/S1/police-charges", Map.of("charges", List.of("Robbery"), "occurredAt", "2025-01-10T10:00:00Z"))
                .expectStatus().isCreated();
        post(a + "/victims/" + repeatVictim + "/personal-statement-steps", Map.of("step", "OFFERED", "occurredAt", "2025-01-11T10:00:00Z"))
                .expectStatus().isCreated();
        post(AgencyRole.COURT, "CN", a + "/hearings", Map.of("hearingId", "H1", "suspectId", "S1", "court", "Highbury Corner Magistrates' Court",
                "scheduledFor", "2025-02-15T10:00:00Z", "type", "FIRST_APPEARANCE", "occurredAt", "2025-01-12T10:00:00Z")).expectStatus().isCreated();
        post(AgencyRole.COURT, "CN", a + "/hearings/H1/outcomes", Map.of("outcome", "GUILTY_PLEA", "occurredAt", "2025-02-15T10:00:00Z"))
                .expectStatus().isCreated();
        post(AgencyRole.RJ_PROVIDER, "CN", a + "/suspects/S1/restorative-justice-steps", Map.of("step", "OFFERED", "occurredAt", "2025-03-01T10:00:00Z"))
                .expectStatus().isCreated();
        // Third: the police took no further action.
        String c = "/api/cases/" + third;
        post(c + "/suspects", Map.of("suspectId", "S1", "occurredAt", "2025-01-21T10:00:00Z")).expectStatus().isCreated();
        post(c + "/suspects/S1/arrests", Map.of("occurredAt", "2025-01-21T11:00:00Z")).expectStatus().isCreated();
        post(c + "/suspects/S1/no-further-action", Map.of("reason", "Victim withdrew support", "occurredAt", "2025-02-01T10:00:00Z"))
                .expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get().uri(c + "/timeline").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(4));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get().uri(a + "/timeline").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(8));

        // The measures' own projection lags the timelines a little: wait until it has every step.
        PooledStreamingEventProcessor planMeasures = processing.eventProcessor(PlanMeasuresProjection.PROCESSING_GROUP,
                PooledStreamingEventProcessor.class).orElseThrow();
        awaitCaughtUp(planMeasures);
        String asOf = Instant.now().toString();
        Map<String, Object> measures = planMeasures(asOf);

        assertThat(measures).containsEntry("cases", 3).containsEntry("victims", 1).containsEntry("repeatVictims", 1)
                .containsEntry("restorativeJusticeOffered", 1).containsEntry("restorativeJusticeTakenUp", 0)
                .containsEntry("victimsInChargedCases", 1).containsEntry("personalStatementOffered", 1);
        assertThat((Map<String, Object>) measures.get("medianDaysReportToOutcome")).containsEntry("magistrates' court", 40.0);
        assertThat((Map<String, Object>) measures.get("medianDaysChargeToOutcome")).containsEntry("magistrates' court", 36.0);
        assertThat((Map<String, Map<String, Object>>) measures.get("endedWithoutConviction"))
                .containsEntry("BURGLARY_RESIDENTIAL", Map.of("no further action (police)", 1));

        // Replayed alone from the first event, the projection answers exactly as it did live.
        planMeasures.shutDown();
        planMeasures.resetTokens();
        planMeasures.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
               .until(() -> !planMeasures.isReplaying() && caughtUp(planMeasures));
        assertThat(planMeasures(asOf)).isEqualTo(measures);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> planMeasures(String asOf) {
        return as(AgencyRole.COMMISSIONER).get().uri(b -> b.path("/api/review/plan-measures").queryParam("from", "2025-01-01T00:00:00Z")
                        .queryParam("to", "2025-02-01T00:00:00Z").queryParam("asOf", asOf).build())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private String caseReportedAt(String at, String offence) {
        String caseId = (String) post("/api/cases", Map.of("channel", "ONLINE", "occurredAt", at)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("caseId");
        post("/api/cases/" + caseId + "/crime-record", Map.of("crimeReference", "CRIS-P" + caseId.substring(0, 8), "offence", offence,
                "borough", "ISLINGTON", "occurredAt", Instant.parse(at).plusSeconds(600).toString())).expectStatus().isCreated();
        return caseId;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> obligations(String casePath, String asOf) {
        Map<String, Object> body = http.get().uri(b -> {
                    b.path(casePath + "/obligations");
                    return asOf == null ? b.build() : b.queryParam("asOf", asOf).build();
                }).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) body.get("obligations");
    }

    private static Map<String, Object> obligation(List<Map<String, Object>> obligations, String ruleId, long trigger) {
        return obligations.stream().filter(o -> ruleId.equals(o.get("ruleId"))
                                               && ((Number) o.get("triggerSequence")).longValue() == trigger)
                          .findFirst().orElseThrow(() -> new AssertionError("no " + ruleId + " for event " + trigger + " in " + obligations));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndRecordsNothingTwice() {
        String caseId = report(null).getResponseBody().get("caseId");
        Map<String, Object> contact = Map.of("channel", "PHONE", "informedBy", "PC 1234", "occurredAt", "2026-03-02T10:00:00Z");
        String path = "/api/cases/" + caseId + "/victim-contacts";
        http.post().uri(path).header("Idempotency-Key", "retry-test-0001").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(contact).exchange().expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(1);
        long events = storedEvents();

        http.post().uri(path).header("Idempotency-Key", "retry-test-0001").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(contact).exchange()
            .expectStatus().isCreated()
            .expectHeader().valueEquals("Idempotent-Replayed", "true")
            .expectBody().jsonPath("$.version").isEqualTo(1);
        http.post().uri(path).header("Idempotency-Key", "retry-test-0001").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("channel", "SMS", "informedBy", "PC 1234", "occurredAt", "2026-03-02T10:00:00Z")).exchange()
            .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
            .expectBody().jsonPath("$.type").isEqualTo("https://victims.london/problems/idempotency-key-reused");

        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void ifMatchWithAStaleVersionIsRefusedWith409() {
        String caseId = report(null).getResponseBody().get("caseId");
        String path = "/api/cases/" + caseId + "/victim-contacts";
        Map<String, Object> contact = Map.of("channel", "PHONE", "informedBy", "PC 1234", "occurredAt", "2026-03-02T10:00:00Z");
        http.post().uri(path).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).bodyValue(contact).exchange()
            .expectStatus().isCreated().expectHeader().valueEquals("ETag", "\"1\"");
        long events = storedEvents();

        http.post().uri(path).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).bodyValue(contact).exchange()
            .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        http.post().uri(path).header("If-Match", "yesterday").contentType(MediaType.APPLICATION_JSON).bodyValue(contact).exchange()
            .expectStatus().isBadRequest();

        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void unknownFieldsWrongTypesOversizeAndWrongMediaTypeAreRefusedAndWriteNothing() {
        String caseId = report(null).getResponseBody().get("caseId");
        long events = storedEvents();
        String path = "/api/cases/" + caseId + "/officer-assignments";
        post(path, Map.of("officerId", "PC-1", "unit", "U", "occurredAt", "2026-03-02T10:00:00Z", "shoeSize", 9))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").isEqualTo("shoeSize is not a field of this request");
        post(AgencyRole.COURT, "/api/cases/" + caseId + "/suspects/S1/verdicts", Map.of("verdict", List.of("GUILTY"), "occurredAt", "2026-03-02T10:00:00Z"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.detail").isEqualTo("verdict has the wrong type");
        post("/api/cases/" + caseId + "/suspects", Map.of("suspectId", "not valid!", "occurredAt", "2026-03-02T10:00:00Z"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("suspectId: A suspect id is 1 to 64 letters, digits or hyphens");
        post(path, Map.of("officerId", "x".repeat(70_000), "unit", "U", "occurredAt", "2026-03-02T10:00:00Z"))
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        http.post().uri(path).contentType(MediaType.TEXT_PLAIN).bodyValue("officerId=PC-1").exchange()
            .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void victimsDetailsAreSealedInTheStoreShownInTheTimelineAndGoneEverywhereAfterErasure() {
        String caseId = report(null).getResponseBody().get("caseId");
        String victimId = (String) post("/api/cases/" + caseId + "/victims", Map.of("kind", "DIRECT_VICTIM",
                "personalDetails", Map.of("name", "Zoë Ó'Brien", "dateOfBirth", "1990-05-17", "phone", "07700 900123"),
                "under18AtOffence", false, "occurredAt", "2026-03-01T20:30:00Z"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("createdId");
        post("/api/cases/" + caseId + "/victims/" + victimId + "/needs-assessments", Map.of("enhancedRightsReasons",
                List.of("INTIMIDATED"), "interpreterNeeded", false, "occurredAt", "2026-03-02T09:00:00Z")).expectStatus().isCreated();

        for (Document commit : database.getCollection("events").find()) {
            // The whole number: "07700" alone also turns up inside nanosecond timestamps.
            assertThat(commit.toJson()).doesNotContain("Brien").doesNotContain("07700 900123");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get().uri("/api/cases/{id}/timeline", caseId).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.entries[1].type").isEqualTo("VictimAdded")
                .jsonPath("$.entries[1].details.personalDetails").value(v -> assertThat((String) v).contains("Zoë Ó'Brien"))
                .jsonPath("$.entries[2].type").isEqualTo("NeedsAssessed"));
        long auditEntries = database.getCollection("audit_log").countDocuments();
        assertThat(auditEntries).isPositive();

        as(AgencyRole.ADMIN).post().uri("/api/people/{id}/erasure", victimId).exchange().expectStatus().isNoContent();

        http.get().uri("/api/cases/{id}/timeline", caseId).exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.entries.length()").isEqualTo(3)
            .jsonPath("$.entries[1].details.personalDetails").isEqualTo("[erased]");
        http.get().uri("/api/cases/{id}", caseId).exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.victims").isEqualTo(1);
        post("/api/cases/" + caseId + "/victims", Map.of("victimId", victimId, "kind", "DIRECT_VICTIM",
                "personalDetails", Map.of("name", "Again"), "occurredAt", "2026-03-03T09:00:00Z"))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(database.getCollection("audit_log").countDocuments()).isGreaterThan(auditEntries);
    }

    @Test
    void casesAreFoundByCrimeReferenceAndBorough() {
        String caseId = report(null).getResponseBody().get("caseId");
        String reference = "CRIS-" + caseId.substring(0, 8);
        post("/api/cases/" + caseId + "/crime-record", Map.of("crimeReference", reference, "offence", "BURGLARY_RESIDENTIAL",
                "borough", "HAVERING", "occurredAt", "2026-03-01T21:00:00Z")).expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get()
                .uri(b -> b.path("/api/cases").queryParam("crimeReference", reference).build()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].caseId").isEqualTo(caseId)
                .jsonPath("$[0].bcu").isEqualTo("EA"));
        http.get().uri(b -> b.path("/api/cases").queryParam("borough", "HAVERING").build()).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$[?(@.caseId == '" + caseId + "')]").exists();
        http.get().uri(b -> b.path("/api/cases").queryParam("borough", "ATLANTIS").build()).exchange()
            .expectStatus().isBadRequest();

        // Each combination of the search's filters is its own query on the store, and each needs an index that
        // gives its cases newest first (ADR 0030): the index check after these tests sees every one of them.
        for (String status : new String[] {null, "RECORDED", "WITH_CPS"}) {
            for (String officer : new String[] {null, "nobody-" + caseId}) {
                for (String borough : new String[] {null, "HAVERING"}) {
                    boolean expected = borough != null && !"WITH_CPS".equals(status) && officer == null;
                    List<?> found = http.get().uri(b -> b.path("/api/cases").queryParamIfPresent("borough", java.util.Optional.ofNullable(borough))
                                    .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                                    .queryParamIfPresent("officerId", java.util.Optional.ofNullable(officer))
                                    .queryParam("limit", 200).build()).exchange()
                            .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
                    if (borough != null) {
                        assertThat(found.stream().anyMatch(view -> caseId.equals(((Map<?, ?>) view).get("caseId"))))
                                .as("borough %s, status %s, officer %s", borough, status, officer).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void eachAgencyRecordsOnlyItsOwnPartAndARefusalWritesNothing() {
        String caseId = report(null).getResponseBody().get("caseId");
        String s = "/api/cases/" + caseId;
        post(s + "/crime-record", Map.of("crimeReference", "CRIS-" + caseId.substring(0, 8), "offence", "THEFT",
                "borough", "BRENT", "occurredAt", "2026-03-01T21:00:00Z")).expectStatus().isCreated();
        post(s + "/suspects", Map.of("suspectId", "S1", "occurredAt", "2026-03-03T09:00:00Z")).expectStatus().isCreated();
        long events = storedEvents();

        post(s + "/suspects/S1/verdicts", Map.of("verdict", "GUILTY", "occurredAt", "2026-03-04T09:00:00Z"))
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://victims.london/problems/forbidden");
        post(AgencyRole.CPS, s + "/suspects/S1/arrests", Map.of("occurredAt", "2026-03-04T09:00:00Z")).expectStatus().isForbidden();
        as(AgencyRole.COMMISSIONER).post().uri("/api/people/{id}/erasure", "person-0001-x").exchange().expectStatus().isForbidden();
        http.mutate().defaultHeaders(h -> h.remove(HttpHeaders.AUTHORIZATION)).build()
            .post().uri(s + "/suspects/S1/arrests").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("occurredAt", "2026-03-04T09:00:00Z")).exchange().expectStatus().isUnauthorized();

        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void staffSeeTheCasesOfTheirBcuTheirUnitOrAssignedToThemAndNoOthers() {
        String caseId = report(null).getResponseBody().get("caseId");
        String reference = "CRIS-V" + caseId.substring(0, 8);
        post("/api/cases/" + caseId + "/crime-record", Map.of("crimeReference", reference, "offence", "THEFT",
                "borough", "HAVERING", "occurredAt", "2026-03-01T21:00:00Z")).expectStatus().isCreated();
        WebTestClient eastArea = withToken(bearerToken(AgencyRole.POLICE_OFFICER, "PC-EA-1", "MPS-EA-Response", "EA"));
        WebTestClient southArea = withToken(bearerToken(AgencyRole.POLICE_OFFICER, "PC-SN-1", "MPS-SN-Response", "SN"));
        WebTestClient commissioner = withToken(bearerToken(AgencyRole.COMMISSIONER, "VC-1", "MOPAC", null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                eastArea.get().uri("/api/cases/{id}", caseId).exchange().expectStatus().isOk());
        commissioner.get().uri("/api/cases/{id}", caseId).exchange().expectStatus().isOk();
        southArea.get().uri("/api/cases/{id}", caseId).exchange().expectStatus().isNotFound();
        southArea.get().uri("/api/cases/{id}/timeline", caseId).exchange().expectStatus().isNotFound();
        southArea.get().uri("/api/cases/{id}/events", caseId).exchange().expectStatus().isNotFound();
        southArea.get().uri(b -> b.path("/api/cases").queryParam("crimeReference", reference).build()).exchange()
                 .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);

        // Assigning a case to another unit is for the case's own BCU (ADR 0018): the reporting officer's
        // unit is in Central West, so East Area assigns it.
        post("/api/cases/" + caseId + "/officer-assignments", Map.of("officerId", "PC-SN-1", "unit", "MPS-SN-Response",
                "occurredAt", "2026-03-02T09:00:00Z")).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        eastArea.post().uri("/api/cases/" + caseId + "/officer-assignments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("officerId", "PC-SN-1", "unit", "MPS-SN-Response", "occurredAt", "2026-03-02T09:00:00Z"))
                .exchange().expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                southArea.get().uri("/api/cases/{id}", caseId).exchange().expectStatus().isOk());
    }

    /**
     * The committed docs/openapi.json is the API's contract for integrators; it must be what the service
     * serves. After an intended change, regenerate it with -Dopenapi.update=true and review the diff.
     */
    @Test
    void theCommittedOpenApiDescriptionIsWhatTheServiceServes() throws Exception {
        String served = http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                            .get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                            .expectBody(String.class).returnResult().getResponseBody();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
                .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        String canonical = json.writerWithDefaultPrettyPrinter()
                               .writeValueAsString(json.readValue(served, java.util.TreeMap.class)) + "\n";
        java.nio.file.Path committed = java.nio.file.Path.of("..", "docs", "openapi.json");
        if (Boolean.getBoolean("openapi.update")) {
            java.nio.file.Files.writeString(committed, canonical);
        }
        assertThat(java.nio.file.Files.exists(committed)).as("docs/openapi.json is committed").isTrue();
        assertThat(java.nio.file.Files.readString(committed))
                .as("docs/openapi.json is out of date: run the web tests with -Dopenapi.update=true").isEqualTo(canonical);
        assertThat(canonical).contains("/api/cases/{caseId}/suspects/{suspectId}/verdicts").contains("\"bearer\"");
    }

    private WebTestClient withToken(String token) {
        return http.mutate().defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    private WebTestClient as(AgencyRole role) {
        return http.mutate().defaultHeaders(h -> h.setBearerAuth(bearerToken(role))).build();
    }

    private WebTestClient.ResponseSpec post(AgencyRole role, String path, Map<String, ?> body) {
        return as(role).post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /**
     * As a partner agency serving one BCU: its token names the BCU, so it sees and acts on that BCU's cases
     * (ADR 0018). Without it, the case's own BCU would first have to share the case with the unit.
     */
    private WebTestClient.ResponseSpec post(AgencyRole role, String bcu, String path, Map<String, ?> body) {
        return withToken(bearerToken(role, "TEST-" + role.name(), "TEST-" + role.name() + "-" + bcu, bcu)).post().uri(path)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec post(String path, Map<String, ?> body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void awaitCaughtUp(PooledStreamingEventProcessor processor) {
        await().atMost(Duration.ofSeconds(120)).until(() -> caughtUp(processor));
    }

    private boolean caughtUp(PooledStreamingEventProcessor processor) {
        long head = storageEngine.lastReservedPosition();
        return !processor.processingStatus().isEmpty() && processor.processingStatus().values().stream().allMatch(
                status -> status.isCaughtUp() && status.getCurrentPosition().orElse(-1) >= head);
    }

    private List<Document> readModel(String collection) {
        return database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private long storedEvents() {
        long count = 0;
        for (Document commit : database.getCollection("events").find()) {
            count += commit.getBoolean("void", false) ? 0 : commit.getList("events", Document.class).size();
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    org.springframework.test.web.reactive.server.EntityExchangeResult<Map<String, String>> report(String caseId) {
        Map<String, String> body = caseId == null
                ? Map.of("channel", "ONLINE", "occurredAt", "2026-03-01T20:15:00Z")
                : Map.of("caseId", caseId, "channel", "ONLINE", "occurredAt", "2026-03-01T20:15:00Z");
        return (org.springframework.test.web.reactive.server.EntityExchangeResult<Map<String, String>>) (Object)
                http.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isCreated()
                    .expectBody(Map.class).returnResult();
    }

    WebTestClient.ResponseSpec contact(String caseId, String occurredAt) {
        return http.post().uri("/api/cases/{id}/victim-contacts", caseId).contentType(MediaType.APPLICATION_JSON)
                   .bodyValue(Map.of("channel", "PHONE", "informedBy", "PC 1234", "occurredAt", occurredAt)).exchange();
    }
}
