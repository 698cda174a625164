package uk.london.victims.web.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import uk.london.victims.application.audit.AuditLog;
import uk.london.victims.application.notifications.OneTimeCodes;
import uk.london.victims.web.pages.PagesOnEmbeddedStore;

/** A police officer recording journeys through the API, and victims getting their codes from the outbox. */
@AutoConfigureWebTestClient(timeout = "30s")
abstract class PortalJourneys extends PagesOnEmbeddedStore {

    private static final Pattern CODE = Pattern.compile("is (\\d{6})\\.");

    @Autowired
    WebTestClient http;
    @Autowired
    OneTimeCodes codes;
    @Autowired
    MongoDatabase database;

    WebTestClient police;

    @BeforeEach
    void officer() {
        // Over the network, not bound to the context: forwarded headers are believed only from a trusted
        // proxy's address (ADR 0019), and a request bound to the context has no address at all.
        http = overTheNetwork(port);
        String token = (String) http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "POLICE_OFFICER", "staffId", "PC-PORTAL", "unit", "MPS-NE-CID", "bcu", "NE")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("token");
        police = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).defaultHeader("X-Purpose", "portal test").build();
    }

    record Journey(String caseId, String reference, String victimId) {
    }

    /** A case recorded by the police with one victim who has a mobile number. */
    Journey journey(String name) {
        String caseId = (String) police.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "PHONE_999", "occurredAt", "2026-03-01T20:15:00Z")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("caseId");
        String reference = "CRIS-P" + caseId.substring(0, 8).toUpperCase();
        String victimId = victim(caseId, name, "07700 900123");
        record(caseId, "crime-record", Map.of("crimeReference", reference, "offence", "BURGLARY_RESIDENTIAL", "borough", "HACKNEY",
                "occurredAt", "2026-03-01T21:00:00Z"));
        return new Journey(caseId, reference, victimId);
    }

    String victim(String caseId, String name, String phone) {
        return (String) police.post().uri("/api/cases/{id}/victims", caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "DIRECT_VICTIM", "personalDetails", Map.of("name", name, "phone", phone),
                        "occurredAt", "2026-03-01T20:30:00Z"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("createdId");
    }

    Map<?, ?> record(String caseId, String command, Map<String, Object> body) {
        EntityExchangeResult<Map> result = police.post().uri("/api/cases/{id}/" + command, caseId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectBody(Map.class).returnResult();
        assertThat(result.getStatus()).as(command + ": " + result.getResponseBody()).isEqualTo(HttpStatus.CREATED);
        return result.getResponseBody();
    }

    /** The case's event types as agencies see them; none while the read models have not caught up (404). */
    List<String> timelineTypes(String caseId) {
        EntityExchangeResult<Map> timeline = police.get().uri("/api/cases/{id}/timeline", caseId).header("X-Purpose", "test")
                .exchange().expectBody(Map.class).returnResult();
        if (timeline.getStatus() == HttpStatus.NOT_FOUND) {
            return List.of();
        }
        assertThat(timeline.getStatus()).isEqualTo(HttpStatus.OK);
        List<?> entries = (List<?>) timeline.getResponseBody().get("entries");
        return entries.stream().map(entry -> (String) ((Map<?, ?>) entry).get("type")).toList();
    }

    /** Asks for a code (waiting until the read models know the case) and reads it from the local outbox. */
    String codeFor(PortalClient client, String reference, String personId) {
        Optional<String> before = codes.latestLocalCodeMessage(personId);
        // Read models are eventually consistent: ask once they know the reference and the person.
        await().atMost(Duration.ofSeconds(20)).until(() -> database.getCollection("case_references").countDocuments(
                Filters.eq("_id", reference)) == 1 && database.getCollection("portal_access").countDocuments(
                Filters.exists("people." + personId)) == 1);
        EntityExchangeResult<String> asked = client.post("/track/sign-in", Map.of("reference", reference));
        assertThat(asked.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(asked.getResponseHeaders().getLocation()).hasToString("/track/code");
        return await().atMost(Duration.ofSeconds(20)).until(() -> codes.latestLocalCodeMessage(personId)
                .filter(message -> !message.equals(before.orElse(null))).map(PortalJourneys::code).orElse(null), code -> code != null);
    }

    static String code(String message) {
        Matcher matcher = CODE.matcher(message);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    PortalClient signedIn(Journey journey) {
        PortalClient client = new PortalClient(http);
        String code = codeFor(client, journey.reference(), journey.victimId());
        EntityExchangeResult<String> in = client.post("/track/code", Map.of("code", code));
        assertThat(in.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(in.getResponseHeaders().getLocation()).hasToString("/track");
        return client;
    }

    /**
     * A client of the running server on 127.0.0.1, one connection per request: a pooled connection the
     * server had closed was seen to hang a request until its timeout (as the fuzzer found, ADR 0011).
     */
    static WebTestClient overTheNetwork(int port) {
        return WebTestClient.bindToServer(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        reactor.netty.http.client.HttpClient.create(reactor.netty.resources.ConnectionProvider.newConnection())))
                .baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }
}
