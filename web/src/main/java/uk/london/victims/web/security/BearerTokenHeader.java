package uk.london.victims.web.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Spring Security's bearer token converter, with its common case read without a regular expression.
 *
 * <p>Spring matches the whole {@code Authorization} header against {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$},
 * case-insensitively, and a signed token is several hundred characters: the match was 6% of the CPU of a
 * unit's work list under 20 readers (issue 10), on the thread that accepts connections. A header that is
 * {@code Bearer } and a well-formed token is read here by one pass over its characters; every other header (none,
 * another scheme, a malformed token) goes to Spring's converter, so its answers and errors are Spring's own. Spring's
 * converter, as built here, reads tokens from the header only (never from the query or a form).
 */
final class BearerTokenHeader implements ServerAuthenticationConverter {

    private static final String SCHEME = "Bearer ";
    /** What RFC 6750's b64token allows before its trailing {@code =}s, as Spring's pattern lists it. */
    private static final String PUNCTUATION = "-._~+/";

    private final ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && wellFormed(header)) {
            return Mono.just(new BearerTokenAuthenticationToken(header.substring(SCHEME.length())));
        }
        return spring.convert(exchange);
    }

    /** Whether the header matches Spring's pattern: the scheme in any case, then one or more token characters, then {@code =}s. */
    static boolean wellFormed(String header) {
        if (header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        int i = SCHEME.length();
        int start = i;
        while (i < header.length() && tokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < header.length() && header.charAt(i) == '=') {
            i++;
        }
        return i == header.length();
    }

    private static boolean tokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || PUNCTUATION.indexOf(c) >= 0;
    }
}
