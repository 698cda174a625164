package uk.london.victims.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;
import uk.london.victims.application.store.MutableClock;

/**
 * Keys are fetched again once they are too old; a token the new keys refuse is refused; an identity provider that
 * cannot be reached leaves the keys held in use, tried again after a pause. Each decoder here stands for one fetch
 * of the keys: the tokens it refuses and whether its identity provider answers are set when it is made.
 */
class RefreshedKeysDecoderTest {

    private static final Duration KEPT_FOR = Duration.ofMinutes(4);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    /** Per fetch, in order: the tokens its keys refuse, or null for an identity provider that cannot be reached. */
    private final List<Set<String>> fetches = new ArrayList<>();
    private int made;

    private final ReactiveJwtDecoder decoder = new RefreshedKeysDecoder(this::fetch, clock, KEPT_FOR);

    private ReactiveJwtDecoder fetch() {
        int number = ++made;
        Set<String> refused = number <= fetches.size() ? fetches.get(number - 1) : Set.of();
        return token -> {
            if (refused == null) {
                return Mono.error(new JwtException("Couldn't retrieve remote JWK set"));
            }
            if (refused.contains(token)) {
                return Mono.error(new BadJwtException("no matching key"));
            }
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").claim("checkedBy", number).build());
        };
    }

    private int checkedBy(String token) {
        return ((Number) decoder.decode(token).block().getClaims().get("checkedBy")).intValue();
    }

    @Test
    void keysAreFetchedAgainOnceTheyAreTooOldAndTheNewOnesKeptOnceTheyAcceptAToken() {
        assertThat(checkedBy("a")).isEqualTo(1);
        clock.advance(KEPT_FOR.minusSeconds(1));
        assertThat(checkedBy("a")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(checkedBy("a")).isEqualTo(2);
        assertThat(checkedBy("b")).isEqualTo(2);
        assertThat(made).isEqualTo(2);
        clock.advance(KEPT_FOR);
        assertThat(checkedBy("a")).isEqualTo(3);
    }

    @Test
    void aClockSetBackFetchesTheKeysAgainRatherThanTrustingThemLonger() {
        assertThat(checkedBy("a")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(-1));
        assertThat(checkedBy("a")).isEqualTo(2);
    }

    @Test
    void aTokenWhoseKeyWasWithdrawnIsRefusedOnceTheKeysAreFetchedAgain() {
        fetches.add(Set.of());
        fetches.add(Set.of("signed-by-withdrawn-key"));
        assertThat(checkedBy("signed-by-withdrawn-key")).isEqualTo(1);

        clock.advance(KEPT_FOR);
        assertThatThrownBy(() -> decoder.decode("signed-by-withdrawn-key").block()).isInstanceOf(BadJwtException.class);
        // The new keys, not yet kept (they have refused, not accepted), answer the next token too.
        assertThatThrownBy(() -> decoder.decode("signed-by-withdrawn-key").block()).isInstanceOf(BadJwtException.class);
        assertThat(checkedBy("other")).isEqualTo(2);
        assertThat(made).isEqualTo(2);
    }

    @Test
    void whileTheIdentityProviderCannotBeReachedTheKeysHeldAnswerAndTheNextFetchWaits() {
        fetches.add(Set.of());
        fetches.add(null);
        fetches.add(Set.of());
        clock.advance(KEPT_FOR);

        assertThat(checkedBy("a")).isEqualTo(1);
        assertThat(checkedBy("b")).isEqualTo(1);
        assertThat(made).as("no fetch tried again at once").isEqualTo(2);

        clock.advance(RefreshedKeysDecoder.RETRY_AFTER);
        assertThat(checkedBy("a")).isEqualTo(3);
    }
}
