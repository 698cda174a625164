package uk.london.victims.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import uk.london.victims.application.store.MongoEventStorageEngine;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.web.AxonDefaults;

/**
 * Issue 12, item 1: an officer of BCU CE could not read a Central West case, but could assign it to their
 * own unit (201) and then read the victim's details on its timeline. Every write now passes the check
 * reads pass; an invisible case answers exactly as an unknown one, and nothing is recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vjt.demo-data=false")
@DirtiesContext
class WritesAreCheckedForVisibilityTest {

    static {
        AxonDefaults.apply();
    }

    private static final String AT = "2026-03-02T10:00:00Z";

    @Autowired
    WebTestClient http;
    @Autowired
    MongoEventStorageEngine storageEngine;

    private String centralWest;
    private String centralEast;
    private String caseId;
    private String victimId;

    @DynamicPropertySource
    static void embeddedStore(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("vjt-write-visibility-").toString();
        registry.add("vjt.store.uri", () -> "");
        registry.add("vjt.store.data-directory", () -> directory);
    }

    @BeforeEach
    void aWestminsterCaseWithAVictim() {
        centralWest = token("POLICE_OFFICER", "PC-AW-1", "MPS-AW-CID", "AW");
        centralEast = token("POLICE_OFFICER", "PC-CE-1", "MPS-CE-CID", "CE");
        caseId = (String) post(centralWest, "/api/cases", Map.of("channel", "ONLINE", "occurredAt", "2026-03-01T20:15:00Z"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("caseId");
        post(centralWest, "/api/cases/" + caseId + "/crime-record", Map.of("crimeReference", "CRIS-W" + caseId.substring(0, 8),
                "offence", "FRAUD", "borough", "WESTMINSTER", "occurredAt", "2026-03-01T21:00:00Z")).expectStatus().isCreated();
        victimId = (String) post(centralWest, "/api/cases/" + caseId + "/victims", Map.of("kind", "DIRECT_VICTIM", "personalDetails",
                Map.of("name", "Vera Victim", "dateOfBirth", "1970-01-01", "email", "vera@example.invalid", "phone", "07700900123"),
                "occurredAt", "2026-03-01T21:30:00Z")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("createdId");
        // The read model has caught up: the case exists and its own BCU reads it.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> get(centralWest, "/api/cases/" + caseId + "/timeline")
                .expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body).contains("Vera Victim")));
    }

    @Test
    void anOfficerOfAnotherBcuCannotAssignTheCaseToThemselvesNorThenReadTheVictim() {
        get(centralEast, "/api/cases/" + caseId).expectStatus().isNotFound();
        long position = storageEngine.lastReservedPosition();

        post(centralEast, "/api/cases/" + caseId + "/officer-assignments",
                Map.of("officerId", "PC-CE-1", "unit", "MPS-CE-CID", "occurredAt", AT))
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://victims.london/problems/case-not-found");

        assertThat(storageEngine.lastReservedPosition()).as("nothing recorded").isEqualTo(position);
        get(centralEast, "/api/cases/" + caseId + "/timeline").expectStatus().isNotFound();
        get(centralEast, "/api/cases/" + caseId).expectStatus().isNotFound();
    }

    @Test
    void everyKindOfWriteToAnInvisibleCaseAnswersExactlyAsForACaseThatDoesNotExist() {
        String unknown = CaseId.newId().value();
        Map<String, Map<String, Object>> writes = new LinkedHashMap<>();
        writes.put("/officer-assignments", Map.of("officerId", "PC-CE-1", "unit", "MPS-CE-CID", "occurredAt", AT));
        writes.put("/shared-units", Map.of("unit", "MPS-CE-CID", "occurredAt", AT));
        writes.put("/suspects", Map.of("suspectId", "S1", "occurredAt", AT));
        writes.put("/closure", Map.of("reason", "Closing someone else's case", "occurredAt", AT));
        // Refused on its merits for a visible case (already recorded), yet refused as unknown here.
        writes.put("/crime-record", Map.of("crimeReference", "CRIS-X-1", "offence", "FRAUD", "borough", "HACKNEY", "occurredAt", AT));
        writes.put("/victim-contacts", Map.of("channel", "PHONE", "informedBy", "PC 1", "occurredAt", AT));
        writes.put("/victims", Map.of("kind", "DIRECT_VICTIM", "personalDetails", Map.of("name", "Someone"), "occurredAt", AT));
        long position = storageEngine.lastReservedPosition();

        writes.forEach((path, body) -> {
            EntityExchangeResult<String> invisible = post(centralEast, "/api/cases/" + caseId + path, body)
                    .expectBody(String.class).returnResult();
            EntityExchangeResult<String> absent = post(centralEast, "/api/cases/" + unknown + path, body)
                    .expectBody(String.class).returnResult();
            assertThat(invisible.getStatus()).as(path).isEqualTo(HttpStatus.NOT_FOUND).isEqualTo(absent.getStatus());
            assertThat(invisible.getResponseBody().replace(caseId, "<id>")).as(path)
                    .isEqualTo(absent.getResponseBody().replace(unknown, "<id>"));
        });
        assertThat(storageEngine.lastReservedPosition()).as("nothing recorded").isEqualTo(position);

        // An If-Match says nothing either: no 409 with a version for a case the caller cannot see.
        http.post().uri("/api/cases/{id}/suspects", caseId).headers(h -> h.setBearerAuth(centralEast)).header("If-Match", "\"99\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("suspectId", "S1", "occurredAt", AT)).exchange()
            .expectStatus().isNotFound();
    }

    @Test
    void theCasesOwnBcuAssignsItAcrossUnitsAndSharesItWithAnotherAgency() {
        post(centralWest, "/api/cases/" + caseId + "/officer-assignments",
                Map.of("officerId", "PC-CE-1", "unit", "MPS-CE-CID", "occurredAt", AT)).expectStatus().isCreated();
        // Now assigned, the Central East officer acts on the case, but cannot hand it to a third unit.
        post(centralEast, "/api/cases/" + caseId + "/suspects", Map.of("suspectId", "S1", "occurredAt", AT)).expectStatus().isCreated();
        post(centralEast, "/api/cases/" + caseId + "/officer-assignments",
                Map.of("officerId", "PC-NW-1", "unit", "MPS-NW-CID", "occurredAt", AT))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.type").isEqualTo("https://victims.london/problems/assignment-needs-owning-bcu");

        String cps = token("CPS", "CPS-1", "CPS-London-South", null);
        post(cps, "/api/cases/" + caseId + "/suspects/S1/arrests", Map.of("occurredAt", AT)).expectStatus().isForbidden();
        Map<String, String> told = Map.of("victimId", victimId, "channel", "PHONE", "informedBy", "CPS 1", "occurredAt", AT);
        post(cps, "/api/cases/" + caseId + "/victim-contacts", told).expectStatus().isNotFound();
        post(centralWest, "/api/cases/" + caseId + "/shared-units", Map.of("unit", "CPS-London-South", "occurredAt", AT))
                .expectStatus().isCreated();
        post(cps, "/api/cases/" + caseId + "/victim-contacts", told).expectStatus().isCreated();
    }

    private String token(String role, String staffId, String unit, String bcu) {
        Map<String, String> request = new HashMap<>(Map.of("role", role, "staffId", staffId, "unit", unit));
        if (bcu != null) {
            request.put("bcu", bcu);
        }
        return (String) http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("token");
    }

    private WebTestClient.ResponseSpec post(String token, String path, Map<String, ?> body) {
        return http.post().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                   .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec get(String token, String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).header("X-Purpose", "test of case visibility").exchange();
    }
}
