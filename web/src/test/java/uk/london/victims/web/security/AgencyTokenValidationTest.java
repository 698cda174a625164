package uk.london.victims.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** The production decoder, found by OIDC discovery from VJT_JWT_ISSUER_URI alone, and what it refuses. */
class AgencyTokenValidationTest {

    private static final TestIdentityProvider IDENTITY_PROVIDER = TestIdentityProvider.start();

    @AfterAll
    static void stop() {
        IDENTITY_PROVIDER.close();
    }

    @Test
    void findsTheKeysByDiscoveryAndAcceptsTheProvidersToken() {
        ReactiveJwtDecoder decoder = decoder(ApiSecurityProperties.DEFAULT_AUDIENCE);
        String token = IDENTITY_PROVIDER.token(AgencyRole.WITNESS_CARE);

        StaffMember staff = StaffMember.of(decoder.decode(token).block());

        assertThat(staff.staffId()).isEqualTo("TEST-WITNESS_CARE");
        assertThat(staff.roles()).containsExactly(AgencyRole.WITNESS_CARE);
        assertThat(staff.unit()).isEqualTo("TEST-Unit");
    }

    @Test
    void theAudienceIsConfigurable() {
        String token = IDENTITY_PROVIDER.token(AgencyRole.CPS);
        assertThatThrownBy(() -> decoder("tracker-staging").decode(token).block()).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("aud");
        String forStaging = IDENTITY_PROVIDER.sign(TestIdentityProvider.claims(IDENTITY_PROVIDER.issuer(), "tracker-staging",
                AgencyRole.CPS, Duration.ofHours(1)).build());
        assertThat(decoder("tracker-staging").decode(forStaging).block()).isNotNull();
    }

    @Test
    void aTokenWithoutExpiryOrSubjectIsRefused() {
        Instant now = Instant.now();
        String noExpiry = IDENTITY_PROVIDER.sign(TestIdentityProvider.claims(IDENTITY_PROVIDER.issuer(),
                ApiSecurityProperties.DEFAULT_AUDIENCE, AgencyRole.CPS, Duration.ofHours(1))
                .claims(claims -> claims.remove(JwtClaimNames.EXP)).issuedAt(now).build());
        String noSubject = IDENTITY_PROVIDER.sign(TestIdentityProvider.claims(IDENTITY_PROVIDER.issuer(),
                ApiSecurityProperties.DEFAULT_AUDIENCE, AgencyRole.CPS, Duration.ofHours(1))
                .claims(claims -> claims.remove(JwtClaimNames.SUB)).build());
        String noRoles = IDENTITY_PROVIDER.sign(TestIdentityProvider.claims(IDENTITY_PROVIDER.issuer(),
                ApiSecurityProperties.DEFAULT_AUDIENCE, AgencyRole.CPS, Duration.ofHours(1))
                .claims(claims -> claims.remove(StaffMember.ROLES_CLAIM)).build());

        ReactiveJwtDecoder decoder = decoder(ApiSecurityProperties.DEFAULT_AUDIENCE);
        assertThatThrownBy(() -> decoder.decode(noExpiry).block()).isInstanceOf(BadJwtException.class).hasMessageContaining("exp");
        assertThatThrownBy(() -> decoder.decode(noSubject).block()).isInstanceOf(BadJwtException.class).hasMessageContaining("sub");
        assertThatThrownBy(() -> decoder.decode(noRoles).block()).isInstanceOf(BadJwtException.class).hasMessageContaining("roles");
    }

    private static ReactiveJwtDecoder decoder(String audience) {
        return AgencyTokenValidation.decoder(new ApiSecurityProperties(IDENTITY_PROVIDER.issuer(), null, audience),
                Clock.systemUTC());
    }
}
