package uk.london.victims.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a real OIDC identity provider on loopback: an issuer with a discovery document and a JWK
 * set, and tokens signed with its own key. Tests use it for the production path (VJT_JWT_ISSUER_URI or
 * VJT_JWT_JWK_SET_URI) and as "some other issuer" whose tokens the demo key must not accept.
 */
public final class TestIdentityProvider implements AutoCloseable {

    private final RSAKey key;
    private final NimbusJwtEncoder encoder;
    private final HttpServer server;
    private volatile String nextIdToken;

    private TestIdentityProvider(RSAKey key, HttpServer server) {
        this.key = key;
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.server = server;
    }

    public static TestIdentityProvider start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestIdentityProvider provider = new TestIdentityProvider(key, server);
            server.createContext("/.well-known/openid-configuration", exchange -> provider.respond(exchange,
                    "{\"issuer\":\"" + provider.issuer() + "\",\"jwks_uri\":\"" + provider.jwkSetUri() + "\","
                    + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext("/jwks", exchange -> provider.respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
            // The code exchange of an OIDC sign-in: whatever the code, the ID token the test prepared.
            server.createContext("/token", exchange -> provider.respond(exchange, "{\"access_token\":\"test-access-token\","
                    + "\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"openid\",\"id_token\":\"" + provider.nextIdToken + "\"}"));
            server.start();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwkSetUri() {
        return issuer() + "/jwks";
    }

    /** A token as a real provider would issue it for this API: its issuer, our audience, one role. */
    public String token(AgencyRole role) {
        return sign(claims(issuer(), ApiSecurityProperties.DEFAULT_AUDIENCE, role, Duration.ofHours(1)).build());
    }

    public static JwtClaimsSet.Builder claims(String issuer, String audience, AgencyRole role, Duration lifetime) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return JwtClaimsSet.builder().issuer(issuer).audience(List.of(audience)).subject("TEST-" + role.name())
                .issuedAt(now).expiresAt(now.plus(lifetime))
                .claim(StaffMember.ROLES_CLAIM, List.of(role.name())).claim(StaffMember.UNIT_CLAIM, "TEST-Unit");
    }

    public String sign(JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** The ID token the token endpoint hands out next (a real provider would make it for the code it issued). */
    public void issueNextIdToken(String idToken) {
        this.nextIdToken = idToken;
    }

    private void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
