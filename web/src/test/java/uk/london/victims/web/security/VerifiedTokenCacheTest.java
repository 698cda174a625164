package uk.london.victims.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import uk.london.victims.application.store.MutableClock;

/** A verified token is checked once for its signature, but for its expiry on every request. */
class VerifiedTokenCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final DemoTokens demo = new DemoTokens(ApiSecurityProperties.DEFAULT_AUDIENCE, clock);
    private final AtomicInteger decoded = new AtomicInteger();
    private final ReactiveJwtDecoder counting = token -> {
        decoded.incrementAndGet();
        return demo.decoder().decode(token);
    };
    private final ReactiveJwtDecoder cache = new VerifiedTokenCache(counting, clock, 100, Duration.ofMinutes(5));

    @Test
    void aTokenSeenAgainIsNotParsedOrVerifiedAgain() {
        String token = demo.sign(demo.claims(AgencyRole.POLICE_OFFICER, "PC-1", "MPS-CW", "CW", null));

        assertThat(cache.decode(token).block().getSubject()).isEqualTo("PC-1");
        assertThat(cache.decode(token).block().getSubject()).isEqualTo("PC-1");

        assertThat(decoded).hasValue(1);
    }

    @Test
    void aKnownTokenIsRefusedOnceItExpiresJustAsTheDecoderRefusesIt() {
        String token = demo.sign(demo.claims(AgencyRole.POLICE_OFFICER, "PC-1", "MPS-CW", "CW", null));
        cache.decode(token).block();

        clock.advance(DemoTokens.LIFETIME.plus(AgencyTokenValidation.CLOCK_SKEW).plusSeconds(1));

        assertThatThrownBy(() -> cache.decode(token).block()).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(decoded).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNotKeptAndAnAlteredOneIsNotTakenForTheOriginal() {
        JwtClaimsSet wrongAudience = JwtClaimsSet.from(demo.claims(AgencyRole.POLICE_OFFICER, "PC-1", "MPS-CW", "CW", null))
                .audience(java.util.List.of("someone-else")).build();
        String refused = demo.sign(wrongAudience);
        assertThatThrownBy(() -> cache.decode(refused).block()).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> cache.decode(refused).block()).isInstanceOf(JwtValidationException.class);
        assertThat(decoded).hasValue(2);

        String token = demo.sign(demo.claims(AgencyRole.POLICE_OFFICER, "PC-1", "MPS-CW", "CW", null));
        cache.decode(token).block();
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThatThrownBy(() -> cache.decode(altered).block()).isInstanceOf(BadJwtException.class);
    }
}
