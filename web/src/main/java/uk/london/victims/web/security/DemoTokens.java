package uk.london.victims.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

/**
 * The embedded default's own token issuer, for trying the service on one machine. Its RSA key pair is
 * made at start-up and kept only in memory: every demo token stops working when the process stops, and
 * no key is ever written to disk.
 */
final class DemoTokens {

    static final String ISSUER = "vjt-demo";
    static final Duration LIFETIME = Duration.ofHours(8);

    private final RSAKey key;
    private final JwtEncoder encoder;
    private final ReactiveJwtDecoder decoder;
    private final String audience;
    private final Clock clock;

    DemoTokens(String audience, Clock clock) {
        this.audience = audience;
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            decoder.setJwtValidator(AgencyTokenValidation.validator(ISSUER, audience, clock));
            this.decoder = decoder;
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make the demo token key pair", e);
        }
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    ReactiveJwtDecoder decoder() {
        return decoder;
    }

    /** A token for one role, valid for {@link #LIFETIME}; null unit, bcu or name are simply left out. */
    JwtClaimsSet claims(AgencyRole role, String staffId, String unit, String bcu, String name) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of(audience))
                .subject(staffId)
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .id(UUID.randomUUID().toString())
                .claim(StaffMember.ROLES_CLAIM, List.of(role.name()))
                .claim(StaffMember.UNIT_CLAIM, unit);
        if (bcu != null) {
            claims.claim(StaffMember.BCU_CLAIM, bcu);
        }
        if (name != null) {
            claims.claim(StaffMember.NAME_CLAIM, name);
        }
        return claims.build();
    }

    /** Signs any claims with the demo key (RS256): tests use it for expired and mis-addressed tokens. */
    String sign(JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
