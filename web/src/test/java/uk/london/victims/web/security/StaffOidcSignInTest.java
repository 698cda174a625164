package uk.london.victims.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import uk.london.victims.web.AxonDefaults;

/**
 * Production sign-in to the staff pages: OIDC authorization code flow against a stand-in identity provider
 * on loopback, its ID token's roles claim deciding who sees the review. No demo sign-in exists here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vjt.demo-data=false")
@DirtiesContext
class StaffOidcSignInTest {

    static {
        AxonDefaults.apply();
    }

    private static final TestIdentityProvider IDENTITY_PROVIDER = TestIdentityProvider.start();
    private static final String CLIENT_ID = "vjt-pages";

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("vjt-staff-oidc-").toString();
        registry.add("vjt.store.uri", () -> "");
        registry.add("vjt.store.data-directory", () -> directory);
        registry.add("vjt.security.jwk-set-uri", IDENTITY_PROVIDER::jwkSetUri);
        registry.add("vjt.security.issuer-uri", IDENTITY_PROVIDER::issuer);
        String registration = "spring.security.oauth2.client.registration.staff.";
        registry.add(registration + "client-id", () -> CLIENT_ID);
        registry.add(registration + "client-secret", () -> "test-secret");
        registry.add(registration + "scope", () -> "openid");
        registry.add(registration + "authorization-grant-type", () -> "authorization_code");
        registry.add(registration + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        String provider = "spring.security.oauth2.client.provider.staff.";
        registry.add(provider + "authorization-uri", () -> IDENTITY_PROVIDER.issuer() + "/authorize");
        registry.add(provider + "token-uri", () -> IDENTITY_PROVIDER.issuer() + "/token");
        registry.add(provider + "jwk-set-uri", IDENTITY_PROVIDER::jwkSetUri);
        registry.add(provider + "user-name-attribute", () -> "sub");
    }

    @AfterAll
    static void stopIdentityProvider() {
        IDENTITY_PROVIDER.close();
    }

    @Test
    void theSignInPageOffersTheIdentityProviderAndNoRolePicker() {
        http.get().uri("/review").exchange().expectStatus().isFound().expectHeader().valueEquals(HttpHeaders.LOCATION, "/staff/sign-in");
        http.get().uri("/staff/sign-in").exchange().expectStatus().isOk().expectBody(String.class).value(html -> assertThat(html)
                .contains("href=\"/oauth2/authorization/staff\"").doesNotContain("name=\"role\""));
    }

    @Test
    void theCommissionerSignsInThroughTheIdentityProviderWithANewSession() {
        String session = signIn("OIDC-COMMISSIONER-1", List.of("COMMISSIONER"), "Alex Commissioner");
        http.get().uri("/review").cookie("SESSION", session).exchange().expectStatus().isOk()
            .expectBody(String.class).value(html -> assertThat(html).contains("Signed in as", "Alex Commissioner"));
    }

    @Test
    void anotherRoleFromTheIdentityProviderIsRefusedThePages() {
        String session = signIn("OIDC-PC-1", List.of("POLICE_OFFICER"), null);
        http.get().uri("/review").cookie("SESSION", session).exchange().expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    /** The browser's part of the code flow: to the provider and back with a code; returns the signed-in session. */
    private String signIn(String subject, List<String> roles, String name) {
        var start = http.get().uri("/oauth2/authorization/staff").exchange().expectStatus().isFound().expectBody().returnResult();
        URI authorize = start.getResponseHeaders().getLocation();
        assertThat(authorize.toString()).startsWith(IDENTITY_PROVIDER.issuer() + "/authorize");
        var query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams();
        assertThat(query.getFirst("client_id")).isEqualTo(CLIENT_ID);
        ResponseCookie before = start.getResponseCookies().getFirst("SESSION");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JwtClaimsSet.Builder idToken = JwtClaimsSet.builder().issuer(IDENTITY_PROVIDER.issuer()).audience(List.of(CLIENT_ID))
                .subject(subject).issuedAt(now).expiresAt(now.plusSeconds(300))
                .claim("nonce", java.net.URLDecoder.decode(query.getFirst("nonce"), java.nio.charset.StandardCharsets.UTF_8))
                .claim(StaffMember.ROLES_CLAIM, roles).claim(StaffMember.UNIT_CLAIM, "MOPAC-VC");
        if (name != null) {
            idToken.claim(StaffMember.NAME_CLAIM, name);
        }
        IDENTITY_PROVIDER.issueNextIdToken(IDENTITY_PROVIDER.sign(idToken.build()));

        String state = java.net.URLDecoder.decode(query.getFirst("state"), java.nio.charset.StandardCharsets.UTF_8);
        var back = http.get().uri(b -> b.path("/login/oauth2/code/staff").queryParam("code", "test-code").queryParam("state", state).build())
                .cookie("SESSION", before.getValue()).exchange()
                .expectStatus().isFound().expectHeader().valueEquals(HttpHeaders.LOCATION, "/review").expectBody().returnResult();
        ResponseCookie after = back.getResponseCookies().getFirst("SESSION");
        assertThat(after.getValue()).as("a new session id at sign-in").isNotEqualTo(before.getValue());
        return after.getValue();
    }
}
