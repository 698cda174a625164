package uk.london.victims.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import uk.london.victims.application.store.MongoEventStorageEngine;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.web.AxonDefaults;

/**
 * The agency API's authentication and authorisation as the README runs it: embedded store, no identity
 * provider, so demo tokens. Every refusal is a problem document and writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vjt.demo-data=false")
@DirtiesContext
class AgencyApiSecurityTest {

    static {
        AxonDefaults.apply();
    }

    private static final TestIdentityProvider OTHER_ISSUER = TestIdentityProvider.start();
    private static final Map<String, String> REPORT = Map.of("channel", "ONLINE", "occurredAt", "2026-03-01T20:15:00Z");
    private static final Map<String, String> CONTACT =
            Map.of("channel", "PHONE", "informedBy", "WCO 77", "occurredAt", "2026-03-02T10:00:00Z");

    @Autowired
    WebTestClient http;
    @Autowired
    DemoTokens demoTokens;
    @Autowired
    MongoEventStorageEngine storageEngine;

    @DynamicPropertySource
    static void embeddedStoreAndNoIdentityProvider(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("vjt-security-").toString();
        registry.add("vjt.store.uri", () -> "");
        registry.add("vjt.store.data-directory", () -> directory);
        registry.add("vjt.security.issuer-uri", () -> "");
        registry.add("vjt.security.jwk-set-uri", () -> "");
    }

    @AfterAll
    static void stopOtherIssuer() {
        OTHER_ISSUER.close();
    }

    @Test
    void noTokenIsA401ProblemAskingForABearerToken() {
        http.get().uri("/api/cases/{id}", CaseId.newId().value()).accept(MediaType.TEXT_HTML).exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .expectHeader().doesNotExist(HttpHeaders.LOCATION)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://victims.london/problems/unauthenticated")
            .jsonPath("$.status").isEqualTo(401);
        http.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON).bodyValue(REPORT).exchange()
            .expectStatus().isUnauthorized();
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String forged = OTHER_ISSUER.sign(TestIdentityProvider.claims(DemoTokens.ISSUER, ApiSecurityProperties.DEFAULT_AUDIENCE,
                AgencyRole.POLICE_OFFICER, Duration.ofHours(1)).build());
        assertInvalidToken(forged);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant past = Instant.now().minus(Duration.ofHours(9));
        String expired = demoTokens.sign(TestIdentityProvider.claims(DemoTokens.ISSUER, ApiSecurityProperties.DEFAULT_AUDIENCE,
                AgencyRole.POLICE_OFFICER, Duration.ofHours(1)).issuedAt(past).expiresAt(past.plus(DemoTokens.LIFETIME)).build());
        assertInvalidToken(expired);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertInvalidToken(demoTokens.sign(TestIdentityProvider.claims(DemoTokens.ISSUER, "some-other-api",
                AgencyRole.POLICE_OFFICER, Duration.ofHours(1)).build()));
    }

    @Test
    void aTokenFromAnotherIssuerOrWithoutAUnitIsRefused() {
        assertInvalidToken(demoTokens.sign(TestIdentityProvider.claims("someone-else", ApiSecurityProperties.DEFAULT_AUDIENCE,
                AgencyRole.POLICE_OFFICER, Duration.ofHours(1)).build()));
        assertInvalidToken(demoTokens.sign(TestIdentityProvider.claims(DemoTokens.ISSUER, ApiSecurityProperties.DEFAULT_AUDIENCE,
                AgencyRole.POLICE_OFFICER, Duration.ofHours(1)).claims(claims -> claims.remove(StaffMember.UNIT_CLAIM)).build()));
    }

    @Test
    void aPoliceOfficerReportsACrime() {
        http.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, bearer(AgencyRole.POLICE_OFFICER))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(REPORT).exchange()
            .expectStatus().isCreated()
            .expectBody().jsonPath("$.caseId").isNotEmpty();
    }

    @Test
    void aCourtCannotReportACrimeAndNothingIsWritten() {
        String caseId = CaseId.newId().value();
        long position = storageEngine.lastReservedPosition();

        http.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, bearer(AgencyRole.COURT))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("caseId", caseId, "channel", "ONLINE",
                    "occurredAt", "2026-03-01T20:15:00Z")).exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://victims.london/problems/forbidden")
            .jsonPath("$.status").isEqualTo(403)
            .jsonPath("$.instance").isEqualTo("/api/cases");

        assertThat(storageEngine.lastReservedPosition()).isEqualTo(position);
        http.get().uri("/api/cases/{id}", caseId).header(HttpHeaders.AUTHORIZATION, bearer(AgencyRole.COURT)).exchange()
            .expectStatus().isNotFound();
    }

    @Test
    void witnessCareRecordsVictimContactButACourtDoesNot() {
        String caseId = reportAsPolice();
        // Witness Care acts on a case once the police have brought its unit in (ADR 0018).
        http.post().uri("/api/cases/{id}/shared-units", caseId).header(HttpHeaders.AUTHORIZATION, bearer(AgencyRole.POLICE_OFFICER))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("unit", "WCU-North", "occurredAt", "2026-03-02T09:00:00Z")).exchange()
            .expectStatus().isCreated();
        http.post().uri("/api/cases/{id}/victim-contacts", caseId).header(HttpHeaders.AUTHORIZATION, bearer(AgencyRole.WITNESS_CARE))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(CONTACT).exchange()
            .expectStatus().isCreated();

        long position = storageEngine.lastReservedPosition();
        http.post().uri("/api/cases/{id}/victim-contacts", caseId).header(HttpHeaders.AUTHORIZATION, bearer(AgencyRole.COURT))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(CONTACT).exchange()
            .expectStatus().isForbidden()
            .expectBody().jsonPath("$.type").isEqualTo("https://victims.london/problems/forbidden");
        assertThat(storageEngine.lastReservedPosition()).isEqualTo(position);
    }

    @Test
    void everyAgencyRoleMayReadCasesButOnlyTheCasesItIsConcernedWith() {
        String caseId = reportAsPolice();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get().uri("/api/cases/{id}", caseId)
                .header(HttpHeaders.AUTHORIZATION, bearer(AgencyRole.POLICE_OFFICER)).exchange().expectStatus().isOk());
        for (AgencyRole role : AgencyRole.values()) {
            // The reporting officer's unit, the Commissioner and administrators see the case; a unit that
            // has had nothing to do with it gets 404, as if it did not exist (CaseVisibility).
            boolean concerned = role == AgencyRole.POLICE_OFFICER || role == AgencyRole.COMMISSIONER || role == AgencyRole.ADMIN;
            http.get().uri("/api/cases/{id}", caseId).header(HttpHeaders.AUTHORIZATION, bearer(role)).exchange()
                .expectStatus().isEqualTo(concerned ? HttpStatus.OK : HttpStatus.NOT_FOUND);
        }
    }

    @Test
    void aValidTokenWithNoRoleWeKnowIsForbidden() {
        String token = demoTokens.sign(TestIdentityProvider.claims(DemoTokens.ISSUER, ApiSecurityProperties.DEFAULT_AUDIENCE,
                AgencyRole.ADMIN, Duration.ofHours(1)).claim(StaffMember.ROLES_CLAIM, List.of("LIFEGUARD")).build());
        http.get().uri("/api/cases/{id}", CaseId.newId().value()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
            .expectStatus().isForbidden();
    }

    @Test
    void healthAndTheLandingPageArePublicAndUnknownPathsAreDenied() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        http.get().uri("/").exchange().expectStatus().isOk();
        http.get().uri("/accessibility").exchange().expectStatus().isOk();
        http.get().uri("/actuator/env").exchange().expectStatus().isForbidden()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/portal").header(HttpHeaders.AUTHORIZATION, bearer(AgencyRole.ADMIN)).exchange()
            .expectStatus().isForbidden();
    }

    @Test
    void demoTokensLastEightHoursAndCarryWhatWasAskedFor() {
        Map<?, ?> response = http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "POLICE_OFFICER", "unit", "MPS-CW", "bcu", "CW", "staffId", "PC-1234")).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String token = (String) response.get("token");
        Instant expiresAt = Instant.parse((String) response.get("expiresAt"));
        assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofHours(8)).minusSeconds(60),
                Instant.now().plus(Duration.ofHours(8)).plusSeconds(1));

        Jwt jwt = demoTokens.decoder().decode(token).block();
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("vjt-demo");
        assertThat(jwt.getAudience()).containsExactly("vjt-agency-api");
        assertThat(StaffMember.of(jwt)).isEqualTo(new StaffMember("PC-1234", Set.of(AgencyRole.POLICE_OFFICER),
                "MPS-CW", "CW", "Demo police officer"));
        http.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(REPORT).exchange()
            .expectStatus().isCreated();
    }

    @Test
    void aDemoTokenRequestWithoutAKnownRoleSaysWhatToSend() {
        http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("unit", "MPS-CW")).exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                    .startsWith("role must not be null").contains("POLICE_OFFICER"));
        http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "LIFEGUARD")).exchange()
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.type").isEqualTo("https://victims.london/problems/invalid-request");
    }

    private void assertInvalidToken(String token) {
        long position = storageEngine.lastReservedPosition();
        http.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(REPORT).exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""))
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("https://victims.london/problems/unauthenticated");
        assertThat(storageEngine.lastReservedPosition()).isEqualTo(position);
    }

    private String reportAsPolice() {
        return (String) http.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, bearer(AgencyRole.POLICE_OFFICER))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(REPORT).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("caseId");
    }

    /** Through the endpoint a user would call, not the bean, so the defaults for each role are exercised too. */
    private String bearer(AgencyRole role) {
        Map<?, ?> response = http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", role.name())).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return "Bearer " + response.get("token");
    }
}
