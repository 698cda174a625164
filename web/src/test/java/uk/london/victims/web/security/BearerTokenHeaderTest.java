package uk.london.victims.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The bearer token is read as Spring Security reads it, whatever the header holds. */
class BearerTokenHeaderTest {

    private static final String SIGNED = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvZmZpY2VyLTEiLCJyb2xlcyI6WyJQT0xJQ0VfT0ZGSUNFUiJdfQ"
                                         + ".c2lnbmF0dXJlLWJ5dGVzLWhlcmU-_~+/==";

    @Property(tries = 2000)
    void answersAsSpringDoesForAnyAuthorizationHeader(@ForAll("headers") String header, @ForAll boolean tokenInQuery) {
        assertThat(outcome(new BearerTokenHeader(), header, tokenInQuery))
                .isEqualTo(outcome(new ServerBearerTokenAuthenticationConverter(), header, tokenInQuery));
    }

    @Example
    void aSignedTokenIsReadWithoutSpringsPattern() {
        assertThat(BearerTokenHeader.wellFormed("Bearer " + SIGNED)).isTrue();
        assertThat(BearerTokenHeader.wellFormed("bearer " + SIGNED)).isTrue();
        assertThat(outcome(new BearerTokenHeader(), "Bearer " + SIGNED, false)).isEqualTo("token " + SIGNED);
    }

    @Example
    void whatSpringRefusesIsRefusedTheSameWay() {
        for (String header : new String[] {"Bearer ", "Bearer a b", "Bearer ==", "Bearer a=b", "Bearerabc", "Bearer  abc"}) {
            assertThat(BearerTokenHeader.wellFormed(header)).as(header).isFalse();
            assertThat(outcome(new BearerTokenHeader(), header, false)).as(header).startsWith("error");
        }
        assertThat(outcome(new BearerTokenHeader(), "Basic dXNlcjpwYXNz", false)).isEqualTo("none");
    }

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> scheme = Arbitraries.of("Bearer ", "bearer ", "BEARER ", "BeArEr ", "Bearer", "Bearer  ", "Basic ", "",
                "Bearerx ", "Beare ");
        Arbitrary<String> token = Arbitraries.strings().withChars("aZ09-._~+/= é\t%").ofMaxLength(12);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().withChars("aZ09-._~+/").ofMinLength(1).ofMaxLength(12)
                        .flatMap(t -> Arbitraries.strings().withChars("=").ofMaxLength(3).map(pad -> "Bearer " + t + pad))),
                net.jqwik.api.Tuple.of(5, scheme.flatMap(s -> token.map(t -> s + t))));
    }

    /** What a converter makes of a request: the token it read, the error it raised, or nothing. */
    private static String outcome(ServerAuthenticationConverter converter, String header, boolean tokenInQuery) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get(tokenInQuery ? "/api/cases?access_token=abc" : "/api/cases");
        MockServerWebExchange exchange = MockServerWebExchange.from(request.header(HttpHeaders.AUTHORIZATION, header));
        try {
            return converter.convert(exchange)
                    .map(authentication -> "token " + ((BearerTokenAuthenticationToken) authentication).getToken())
                    .defaultIfEmpty("none").block();
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }
}
