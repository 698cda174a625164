package uk.london.victims.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import uk.london.victims.web.AxonDefaults;

/**
 * The agency API against a real Keycloak with the realm of {@code keycloak/vjt-realm.json}, configured as the
 * README's production section says: {@code VJT_JWT_ISSUER_URI} only, keys found through OIDC discovery and
 * the realm's JWK set; tokens got as the README's curl gets them.
 */
@ExtendWith(KeycloakServer.Shared.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vjt.demo-data=false")
@DirtiesContext
class KeycloakTokensTest {

    static {
        AxonDefaults.apply();
    }

    private static final Map<String, String> REPORT = Map.of("channel", "ONLINE", "occurredAt", "2026-03-01T20:15:00Z");

    @Autowired
    WebTestClient http;
    @Autowired
    ShiftedClock clock;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("vjt-keycloak-tokens-").toString();
        registry.add("vjt.store.uri", () -> "");
        registry.add("vjt.store.data-directory", () -> directory);
        registry.add("vjt.security.issuer-uri", () -> KeycloakServer.shared().issuer());
        registry.add("vjt.security.jwk-set-uri", () -> "");
    }

    /** The service's clock, moved forward by a test to see a token outlive its lifetime; the wall clock otherwise. */
    static final class ShiftedClock extends Clock {
        private volatile Duration shift = Duration.ZERO;

        void shift(Duration by) {
            shift = by;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        ShiftedClock shiftedClock() {
            return new ShiftedClock();
        }
    }

    @Test
    void anOfficerReportsACrimeAndTheCommissionerReadsItWithKeycloakTokens() {
        Map<String, Object> officer = KeycloakServer.payloadOf(keycloak().accessToken("officer"));
        assertThat(officer).containsEntry("iss", keycloak().issuer()).containsEntry("aud", ApiSecurityProperties.DEFAULT_AUDIENCE)
                           .containsEntry("unit", "MPS-AW-CID").containsEntry("bcu", "AW");
        assertThat(officer.get("roles")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("POLICE_OFFICER");

        URI reported = http.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, bearer("officer"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(REPORT).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseHeaders().getLocation();
        assertThat(reported).isNotNull();

        String commissioner = bearer("commissioner");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri(reported.getPath())
                .header(HttpHeaders.AUTHORIZATION, commissioner).exchange().expectStatus().isOk());
        // The CPS may read but not report a crime: the roles claim from the realm decides.
        http.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, bearer("cps"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(REPORT).exchange().expectStatus().isForbidden();
    }

    @Test
    void anAgencysSystemReportsACrimeWithItsOwnClientCredentials() {
        String token = keycloak().clientCredentialsToken("police-records", "police-records-local-secret");
        assertThat(KeycloakServer.payloadOf(token)).containsEntry("unit", "MPS-AW-CID").containsEntry("azp", "police-records");

        http.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(REPORT).exchange()
            .expectStatus().isCreated();
    }

    @Test
    void tokensSignedWithANewRealmKeyAreAcceptedOnceItIsAdded() {
        String before = keycloak().accessToken("witness-care");
        searchWith(before).expectStatus().isOk();

        keycloak().addSigningKey("rotated-" + System.nanoTime(), 500);
        String after = keycloak().accessToken("witness-care");

        assertThat(KeycloakServer.keyIdOf(after)).as("signed with the new key").isNotEqualTo(KeycloakServer.keyIdOf(before));
        searchWith(after).expectStatus().isOk();
        // The old key is still in the realm's JWK set: a token issued before the rotation works until it expires.
        searchWith(before).expectStatus().isOk();
    }

    @Test
    void aTokenSignedWithAKeyTheRealmWithdrewIsRefusedOnceTheKeysAreFetchedAgain() {
        String name = "withdrawn-" + System.nanoTime();
        keycloak().addSigningKey(name, 600);
        String signed = keycloak().accessToken("witness-care");
        searchWith(signed).expectStatus().isOk();

        keycloak().removeSigningKey(name);
        // Verified a moment ago, so still trusted: the verified tokens and the keys held bound it to 5 minutes.
        searchWith(signed).expectStatus().isOk();
        try {
            // Both bounds passed, the token itself still valid (5 minutes and 60 s of skew): refused for its key.
            clock.shift(TokenConfiguration.KEYS_KEPT_FOR.plusSeconds(1));
            assertThat(Instant.ofEpochSecond(((Number) KeycloakServer.payloadOf(signed).get("exp")).longValue())
                    .plus(AgencyTokenValidation.CLOCK_SKEW)).as("the token has not expired").isAfter(clock.instant());
            searchWith(signed).expectStatus().isUnauthorized();
            searchWith(keycloak().accessToken("witness-care")).expectStatus().isOk();
        } finally {
            clock.shift(Duration.ZERO);
        }
    }

    @Test
    void aTokenTheRealmIssuedForAnotherApplicationIsRefused() {
        // Same realm, same user, same roles and unit; only the audience differs (no vjt-agency-api mapper).
        keycloak().createClient(Map.of("clientId", "another-application", "publicClient", true, "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false, "protocolMappers", List.of(
                        claimMapper("roles", "oidc-usermodel-realm-role-mapper", Map.of("multivalued", "true")),
                        claimMapper("unit", "oidc-usermodel-attribute-mapper", Map.of("user.attribute", "unit")))));
        String elsewhere = (String) keycloak().passwordGrant("another-application", "officer").get("access_token");
        assertThat(KeycloakServer.payloadOf(elsewhere)).containsKeys("roles", "unit").doesNotContainEntry("aud", "vjt-agency-api");

        searchWith(elsewhere).expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void afterTheSessionEndsNoNewTokenIsIssuedAndTheLastOneIsRefusedOnceItExpires() {
        Map<String, Object> grant = keycloak().passwordGrant("vjt-cli", "court");
        String token = (String) grant.get("access_token");
        searchWith(token).expectStatus().isOk();

        keycloak().endSession("vjt-cli", (String) grant.get("refresh_token"));
        HttpResponse<String> refreshed = keycloak().refresh("vjt-cli", (String) grant.get("refresh_token"));
        assertThat(refreshed.statusCode()).as("refresh after the session ended: %s", refreshed.body()).isEqualTo(400);
        assertThat(refreshed.body()).contains("invalid_grant");

        // A bearer token is checked offline, so the one already held lasts to its exp (5 minutes in the realm) and the
        // 60 s allowed for clock skew; no longer.
        Map<String, Object> claims = KeycloakServer.payloadOf(token);
        Instant expires = Instant.ofEpochSecond(((Number) claims.get("exp")).longValue());
        try {
            clock.shift(Duration.between(Instant.now(), expires).plus(AgencyTokenValidation.CLOCK_SKEW).minusSeconds(30));
            searchWith(token).expectStatus().isOk();
            clock.shift(Duration.between(Instant.now(), expires).plus(AgencyTokenValidation.CLOCK_SKEW).plusSeconds(30));
            searchWith(token).expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        } finally {
            clock.shift(Duration.ZERO);
        }
    }

    private WebTestClient.ResponseSpec searchWith(String token) {
        return http.get().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private static String bearer(String username) {
        return "Bearer " + keycloak().accessToken(username);
    }

    private static KeycloakServer keycloak() {
        return KeycloakServer.shared();
    }

    private static Map<String, Object> claimMapper(String claim, String mapper, Map<String, String> config) {
        Map<String, String> all = new java.util.HashMap<>(config);
        all.putAll(Map.of("claim.name", claim, "jsonType.label", "String", "access.token.claim", "true"));
        return Map.of("name", claim, "protocol", "openid-connect", "protocolMapper", mapper, "config", all);
    }
}
