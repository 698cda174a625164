package uk.london.victims.projections.casesummary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.CrimeRecordedEvent;
import uk.london.victims.domain.cases.CrimeReportedEvent;
import uk.london.victims.domain.cases.OffenceCategory;
import uk.london.victims.domain.cases.OfficerAssignedEvent;
import uk.london.victims.domain.cases.ReportChannel;
import uk.london.victims.domain.geography.Borough;

/**
 * A work item's case fields decide who may see it: kept only while no case's fields changed, re-read at once
 * when one did (here or on another instance), and never kept for a case that had no summary yet.
 */
class WorkItemCasesTest {

    private static final String A = "case-aaaaaaaa";
    private static final String B = "case-bbbbbbbb";
    private static final String C = "case-cccccccc";

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private CaseSummaryProjection projection;
    private final Map<String, Long> versions = new java.util.HashMap<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("t");
        projection = new CaseSummaryProjection(database);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aCasesFieldsAreKeptUntilAnyCasesFieldsChangeAndACaseWithoutASummaryIsNeverKept() {
        WorkItemCases cases = new WorkItemCases(database);
        WorkItemCases other = new WorkItemCases(database);
        reportAndRecord(A, "CRIS-A", Borough.HACKNEY);
        reportAndRecord(B, "CRIS-B", Borough.HARROW);
        assertThat(fields(cases, A, B, C)).isEqualTo(Map.of(A, "CRIS-A/CE/null", B, "CRIS-B/NW/null"));
        assertThat(fields(other, A, B)).isEqualTo(Map.of(A, "CRIS-A/CE/null", B, "CRIS-B/NW/null"));

        // Kept: a summary changed behind the projection's back (no new stamp) is not seen by an instance that read
        // it, only by one that never did.
        MongoCollection<Document> summaries = database.getCollection(CaseSummaryProjection.COLLECTION);
        summaries.updateOne(new Document("_id", A), Updates.set("crimeReference", "CRIS-X"));
        assertThat(fields(cases, A)).isEqualTo(Map.of(A, "CRIS-A/CE/null"));
        assertThat(fields(new WorkItemCases(database), A)).isEqualTo(Map.of(A, "CRIS-X/CE/null"));
        summaries.updateOne(new Document("_id", A), Updates.set("crimeReference", "CRIS-A"));

        // The projection changes a work item field of one case: every instance reads again.
        send(B, new OfficerAssignedEvent(new CaseId(B), "PC-7", "NW-RESPONSE", Instant.parse("2026-03-03T09:00:00Z")));
        assertThat(fields(cases, A, B)).isEqualTo(Map.of(A, "CRIS-A/CE/null", B, "CRIS-B/NW/PC-7"));
        assertThat(fields(other, B)).isEqualTo(Map.of(B, "CRIS-B/NW/PC-7"));

        // A crash between the summary and its stamp (the stamp put back as it was): the event is delivered again,
        // skipped by the summary's version, and the stamp is renewed then.
        MongoCollection<Document> stamps = database.getCollection(CaseSummaryProjection.STAMPS);
        Document before = stamps.find().first();
        OfficerAssignedEvent reassigned = new OfficerAssignedEvent(new CaseId(B), "PC-8", "NW-RESPONSE", Instant.parse("2026-03-04T09:00:00Z"));
        DomainEventMessage<?> message = message(B, reassigned);
        projection.on(reassigned, message);
        stamps.replaceOne(new Document("_id", before.getString("_id")), before);
        assertThat(fields(cases, B)).as("what a lost stamp would leave").isEqualTo(Map.of(B, "CRIS-B/NW/PC-7"));
        projection.on(reassigned, message);
        assertThat(fields(cases, B)).isEqualTo(Map.of(B, "CRIS-B/NW/PC-8"));

        // Asked before its summary existed, a case is read again once it does.
        reportAndRecord(C, "CRIS-C", Borough.CROYDON);
        assertThat(fields(cases, C)).isEqualTo(Map.of(C, "CRIS-C/SN/null"));

        // Rebuilt: the stamp goes with the summaries, so nothing kept from before is answered.
        projection.reset();
        assertThat(fields(cases, A, B, C)).isEmpty();
        assertThat(fields(other, A, B, C)).isEmpty();
    }

    private static Map<String, String> fields(WorkItemCases cases, String... ids) {
        Map<String, String> found = new java.util.TreeMap<>();
        cases.of(new java.util.LinkedHashSet<>(java.util.List.of(ids))).forEach((id, d) -> found.put(id,
                d.getString("crimeReference") + "/" + d.getString("bcu") + "/" + d.getString("officerId")));
        return found;
    }

    private void reportAndRecord(String caseId, String reference, Borough borough) {
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        send(caseId, new CrimeReportedEvent(new CaseId(caseId), ReportChannel.ONLINE, at));
        send(caseId, new CrimeRecordedEvent(new CaseId(caseId), reference, OffenceCategory.ROBBERY, borough, Set.of(), Set.of(),
                at.plusSeconds(600)));
    }

    private void send(String caseId, Record event) {
        projection.on(event, message(caseId, event));
    }

    private DomainEventMessage<?> message(String caseId, Record event) {
        long sequence = versions.merge(caseId, 1L, Long::sum) - 1;
        return new GenericDomainEventMessage<>("Case", caseId, sequence, event);
    }
}
