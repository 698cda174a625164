package uk.london.victims.web.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * A client sends the same bearer token with every request for its lifetime, and parsing it and checking
 * its RSA signature was about an eighth of a case GET's CPU (ADR 0033). Tokens that passed every check are
 * kept by their exact text, a bounded number for a bounded time; a token seen again skips the parse and the
 * signature, but its times are checked again on every request with the same clock and skew as the first
 * time, so an expired token is refused exactly when it would have been. Its other checks (issuer, audience,
 * subject, unit, roles) depend only on its signed text, which is the cache key. Refused tokens are never
 * kept.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> times;
    private final Cache<String, Jwt> verified;

    /**
     * @param maximumTokens how many distinct tokens are kept at most
     * @param keptFor       how long a token is kept after its first check, however long it is valid: a signing key
     *                      withdrawn at the identity provider stops being trusted for it within this time, once the
     *                      decoder has fetched the keys again
     */
    VerifiedTokenCache(ReactiveJwtDecoder decoder, Clock clock, long maximumTokens, Duration keptFor) {
        this.decoder = decoder;
        JwtTimestampValidator timestamps = new JwtTimestampValidator(AgencyTokenValidation.CLOCK_SKEW);
        timestamps.setClock(clock);
        this.times = timestamps;
        // Kept by the same clock as the tokens' times, so that a test can move past both.
        this.verified = Caffeine.newBuilder().maximumSize(maximumTokens).expireAfterWrite(keptFor)
                                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (!times.validate(known).hasErrors()) {
                return Mono.just(known);
            }
            // Expired (or not yet valid by this clock): the decoder gives the refusal it always gave.
            verified.invalidate(token);
        }
        return decoder.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }
}
