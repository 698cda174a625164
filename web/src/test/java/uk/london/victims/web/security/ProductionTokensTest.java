package uk.london.victims.web.security;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import uk.london.victims.web.AxonDefaults;

/**
 * With an identity provider configured (here by JWK set URI and issuer), even on the embedded store: its
 * tokens work, and demo tokens do not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vjt.demo-data=false")
@DirtiesContext
class ProductionTokensTest {

    static {
        AxonDefaults.apply();
    }

    private static final TestIdentityProvider IDENTITY_PROVIDER = TestIdentityProvider.start();
    private static final Map<String, String> REPORT = Map.of("channel", "ONLINE", "occurredAt", "2026-03-01T20:15:00Z");

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("vjt-production-tokens-").toString();
        registry.add("vjt.store.uri", () -> "");
        registry.add("vjt.store.data-directory", () -> directory);
        registry.add("vjt.security.jwk-set-uri", IDENTITY_PROVIDER::jwkSetUri);
        registry.add("vjt.security.issuer-uri", IDENTITY_PROVIDER::issuer);
    }

    @AfterAll
    static void stopIdentityProvider() {
        IDENTITY_PROVIDER.close();
    }

    @Test
    void demoTokensDoNotExist() {
        http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "ADMIN")).exchange()
            .expectStatus().isNotFound();
    }

    @Test
    void theIdentityProvidersTokensAreAccepted() {
        http.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + IDENTITY_PROVIDER.token(AgencyRole.POLICE_OFFICER))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(REPORT).exchange()
            .expectStatus().isCreated();
        http.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + IDENTITY_PROVIDER.token(AgencyRole.CPS))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(REPORT).exchange()
            .expectStatus().isForbidden();
    }

    @Test
    void itsKeyUnderAnotherIssuerNameIsRefused() {
        String token = IDENTITY_PROVIDER.sign(TestIdentityProvider.claims(DemoTokens.ISSUER, ApiSecurityProperties.DEFAULT_AUDIENCE,
                AgencyRole.POLICE_OFFICER, Duration.ofHours(1)).build());
        http.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(REPORT).exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
