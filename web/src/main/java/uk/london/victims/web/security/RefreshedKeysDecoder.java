package uk.london.victims.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Spring's reactive JWT decoder keeps the identity provider's keys for as long as it lives: it fetches the JWK set
 * again only for a token whose key it does not know, so a signing key withdrawn at the identity provider would be
 * trusted until the service restarts. This replaces the decoder, and so its keys, once they are older than a set
 * time: the next token is checked by a new decoder that fetches the keys (and, with an issuer, its discovery
 * document) again, and that decoder is kept once it has accepted a token.
 *
 * <p>If the new decoder cannot reach the identity provider, the keys already held answer for that token, and the
 * next try is {@link #RETRY_AFTER} later: an outage of the identity provider does not lock staff out. A token the
 * new keys refuse ({@link BadJwtException}: signed by a withdrawn key, say) is refused.
 */
final class RefreshedKeysDecoder implements ReactiveJwtDecoder {

    /** After a failed fetch, how long the keys held answer before the next try. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private record Keys(ReactiveJwtDecoder decoder, Instant fetchedAt) {
    }

    private final Supplier<ReactiveJwtDecoder> decoders;
    private final Clock clock;
    private final Duration keptFor;
    private final AtomicReference<Keys> current;
    /** The decoder being tried once the current one's keys are too old: one, however many requests arrive meanwhile. */
    private final AtomicReference<Keys> candidate = new AtomicReference<>();

    /**
     * @param decoders makes a decoder that fetches the keys afresh
     * @param keptFor  how long keys are trusted without fetching them again
     */
    RefreshedKeysDecoder(Supplier<ReactiveJwtDecoder> decoders, Clock clock, Duration keptFor) {
        this.decoders = decoders;
        this.clock = clock;
        this.keptFor = keptFor;
        this.current = new AtomicReference<>(new Keys(decoders.get(), clock.instant()));
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Keys held = current.get();
        Instant now = clock.instant();
        // A clock set back makes the keys look fetched in the future: fetch them again rather than trust them longer.
        if (!now.isBefore(held.fetchedAt()) && now.isBefore(held.fetchedAt().plus(keptFor))) {
            return held.decoder().decode(token);
        }
        Keys next = candidate.updateAndGet(tried -> tried != null ? tried : new Keys(decoders.get(), now));
        return Mono.defer(() -> next.decoder().decode(token))
                .doOnNext(jwt -> {
                    if (current.compareAndSet(held, next)) {
                        candidate.compareAndSet(next, null);
                    }
                })
                .onErrorResume(failure -> !(failure instanceof BadJwtException), failure -> {
                    // The identity provider could not be reached: the keys held answer, and are tried afresh only
                    // after a pause, so that requests during an outage do not each wait for a fetch to fail.
                    if (candidate.compareAndSet(next, null)) {
                        current.compareAndSet(held, new Keys(held.decoder(), now.minus(keptFor).plus(RETRY_AFTER)));
                    }
                    return held.decoder().decode(token);
                });
    }
}
