package uk.london.victims.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import uk.london.victims.application.audit.AuditLog;
import uk.london.victims.web.pages.PagesOnEmbeddedStore;

/**
 * Issue 12, items 7, 11 and 13 over HTTP: the security headers on every kind of answer, API and pages,
 * errors included; a staff form over 64 KB; a purpose for every read of personal data, and those reads
 * audited; the audit chain checked through the API.
 */
@AutoConfigureWebTestClient
class SecurityHeadersAndAuditedReadsTest extends PagesOnEmbeddedStore {

    private static final String DEMO_CASE = "DEMO-0001-burglary";
    private static final List<String> PERSONAL_READS = List.of("timeline", "events", "obligations", "notifications");

    @Autowired
    WebTestClient http;
    @Autowired
    MongoDatabase database;

    private String token(String role) {
        return (String) http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", role))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("token");
    }

    private static void assertSecurityHeaders(EntityExchangeResult<?> result) {
        HttpHeaders headers = result.getResponseHeaders();
        String what = result.getMethod() + " " + result.getUrl() + " (" + result.getStatus() + ")";
        assertThat(headers.getFirst("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(headers.getFirst("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'");
        assertThat(headers.getFirst("Referrer-Policy")).as(what).isEqualTo("no-referrer");
    }

    @Test
    void everyApiAnswerCarriesTheSecurityHeadersErrorsIncluded() {
        String police = token("COMMISSIONER");
        EntityExchangeResult<byte[]> ok = http.get().uri("/api/cases").headers(h -> h.setBearerAuth(police)).exchange()
                .expectStatus().isOk().expectBody().returnResult();
        EntityExchangeResult<byte[]> unauthenticated = http.get().uri("/api/cases").exchange()
                .expectStatus().isUnauthorized().expectBody().returnResult();
        EntityExchangeResult<byte[]> notFound = http.get().uri("/api/cases/NO-SUCH-CASE/timeline").header("X-Purpose", "test")
                .headers(h -> h.setBearerAuth(police)).exchange().expectStatus().isNotFound().expectBody().returnResult();
        EntityExchangeResult<byte[]> tooLarge = http.post().uri("/api/cases").headers(h -> h.setBearerAuth(token("POLICE_OFFICER")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"channel\":\"" + "x".repeat(70 * 1024) + "\"}")
                .exchange().expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE).expectBody().returnResult();
        EntityExchangeResult<byte[]> notServed = http.get().uri("/nothing-here").exchange()
                .expectStatus().isForbidden().expectBody().returnResult();
        for (EntityExchangeResult<byte[]> result : List.of(ok, unauthenticated, notFound, tooLarge, notServed)) {
            assertSecurityHeaders(result);
        }
        assertThat(ok.getResponseHeaders().getFirst("Strict-Transport-Security")).as("not over HTTPS").isNull();
    }

    @Test
    void everyPageAnswerCarriesTheSecurityHeadersAndHstsOverHttps() {
        EntityExchangeResult<byte[]> home = http.get().uri("/").exchange().expectStatus().isOk().expectBody().returnResult();
        EntityExchangeResult<byte[]> missingAsset = http.get().uri("/static/no-such-file.css").exchange()
                .expectStatus().isNotFound().expectBody().returnResult();
        EntityExchangeResult<byte[]> redirected = http.get().uri("/review").exchange()
                .expectStatus().is3xxRedirection().expectBody().returnResult();
        EntityExchangeResult<byte[]> portal = http.get().uri("/track/sign-in").exchange().expectStatus().isOk().expectBody().returnResult();
        for (EntityExchangeResult<byte[]> result : List.of(home, missingAsset, redirected, portal)) {
            assertSecurityHeaders(result);
        }
        // Behind a TLS-terminating proxy the service sees https as the scheme (forwarded headers): HSTS. Over the
        // network, since forwarded headers are believed only from a trusted proxy's address (loopback here).
        WebTestClient viaProxy = WebTestClient.bindToServer().baseUrl(url("")).build();
        EntityExchangeResult<byte[]> overHttps = viaProxy.get().uri("/").header("X-Forwarded-Proto", "https").exchange()
                .expectStatus().isOk().expectBody().returnResult();
        assertThat(overHttps.getResponseHeaders().getFirst("Strict-Transport-Security")).startsWith("max-age=31536000");
        EntityExchangeResult<byte[]> errorOverHttps = viaProxy.get().uri("/api/cases").header("X-Forwarded-Proto", "https").exchange()
                .expectStatus().isUnauthorized().expectBody().returnResult();
        assertThat(errorOverHttps.getResponseHeaders().getFirst("Strict-Transport-Security")).startsWith("max-age=31536000");
    }

    @Test
    void aStaffFormOver64KbIsRefusedWith413InThePagesDesignWithTheHeaders() {
        EntityExchangeResult<String> result = http.post().uri("/staff/sign-in").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("role", "x".repeat(70 * 1024))).exchange()
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE).expectBody(String.class).returnResult();
        assertThat(result.getResponseBody()).contains("govuk-template", "What you sent is too long", "Nothing was saved")
                .doesNotContain("Exception", "at org.", "at uk.", "Exit this page");
        assertSecurityHeaders(result);
        assertThat(result.getResponseHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
    }

    @Test
    void aChunkedFormOver64KbWithNoLengthIsRefusedWith413Too() {
        // No Content-Length: the body is refused as it is read (by the CSRF check), not before.
        byte[] chunk = ("role=" + "x".repeat(1024)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer> body = reactor.core.publisher.Flux.range(0, 70)
                .map(i -> org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance.wrap(chunk));
        // With a session, as a browser that opened the sign-in page has: the CSRF check then reads the form.
        String session = http.get().uri("/staff/sign-in").exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseCookies().getFirst("SESSION").getValue();
        EntityExchangeResult<String> result = http.post().uri("/staff/sign-in").cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(body, org.springframework.core.io.buffer.DataBuffer.class).exchange()
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE).expectBody(String.class).returnResult();
        assertThat(result.getRequestHeaders().getContentLength()).isEqualTo(-1);
        assertThat(result.getResponseBody()).contains("What you sent is too long").doesNotContain("Exception");
        assertSecurityHeaders(result);
    }

    @Test
    void everyReadOfPersonalDataNeedsAPurposeAndIsAudited() {
        String police = token("ADMIN");
        for (String read : PERSONAL_READS) {
            for (String caseId : List.of(DEMO_CASE, "NO-SUCH-CASE")) {
                // The same 400 whether the case exists or not, before anything is looked up.
                http.get().uri("/api/cases/{id}/" + read, caseId).headers(h -> h.setBearerAuth(police)).exchange()
                        .expectStatus().isBadRequest()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.type").isEqualTo("https://victims.london/problems/purpose-required")
                        .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("X-Purpose"));
            }
        }
        for (String read : PERSONAL_READS) {
            String purpose = "checking the " + read + " for a test";
            http.get().uri("/api/cases/{id}/" + read, DEMO_CASE).header("X-Purpose", purpose).headers(h -> h.setBearerAuth(police))
                    .exchange().expectStatus().isOk();
            assertThat(database.getCollection(AuditLog.COLLECTION).countDocuments(Filters.and(
                    Filters.eq("subject", "case/" + DEMO_CASE), Filters.eq("purpose", purpose)))).as(read).isEqualTo(1);
        }
    }

    @Test
    void theAuditChainIsCheckedThroughTheApiByAdminsOnly() {
        http.get().uri("/api/cases/{id}/timeline", DEMO_CASE).header("X-Purpose", "chain test")
                .headers(h -> h.setBearerAuth(token("ADMIN"))).exchange().expectStatus().isOk();
        http.get().uri("/api/audit/verification").headers(h -> h.setBearerAuth(token("ADMIN"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.intact").isEqualTo(true)
                .jsonPath("$.entries").value(entries -> assertThat(((Number) entries).longValue()).isPositive());
        http.get().uri("/api/audit/verification").headers(h -> h.setBearerAuth(token("POLICE_OFFICER"))).exchange()
                .expectStatus().isForbidden();
        Document first = database.getCollection(AuditLog.COLLECTION).find(Filters.eq("_id", 1L)).first();
        assertThat(first).isNotNull().containsKeys("previous", "hash");
    }
}
