package uk.london.victims.web.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import reactor.core.publisher.Mono;

/**
 * 401 and 403 as RFC 9457 problem documents, like every other failure of the agency API, instead of
 * Spring Security's empty bodies or a redirect to a login page.
 */
final class ProblemResponses {

    private static final String TYPE_BASE = "https://victims.london/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    /**
     * No token, or one we do not accept. RFC 6750: {@code WWW-Authenticate: Bearer}, with the error only when
     * a token was sent (its description comes from the validator and names the failed check, not our code).
     */
    static ServerAuthenticationEntryPoint unauthenticated() {
        return (exchange, failure) -> {
            BearerTokenError error = bearerError(failure);
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, error == null ? "Bearer"
                    : "Bearer error=\"" + error.getErrorCode() + "\""
                      + (error.getDescription() == null ? "" : ", error_description=\"" + error.getDescription() + "\""));
            return write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", error == null
                    ? "This API needs a bearer token: send 'Authorization: Bearer <token>'."
                    : "The bearer token was not accepted: it has expired, is not signed by a trusted issuer, "
                      + "is not meant for this API, or lacks the sub, unit or roles claim.");
        };
    }

    /** A valid token whose roles do not allow this request. */
    static ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> write(exchange, HttpStatus.FORBIDDEN, "forbidden",
                "Your role does not allow this request. Nothing was recorded.");
    }

    /**
     * Requests the firewall refuses before any chain sees them (an encoded %, / or NUL in the path, a
     * header with control characters): a 400 problem document rather than Spring Security's empty body.
     */
    static ServerExchangeRejectedHandler rejected() {
        return (exchange, rejection) -> write(exchange, HttpStatus.BAD_REQUEST, "request-rejected",
                "The request's path or headers contain characters this API does not accept, such as an encoded"
                + " '%', '/' or NUL. Nothing was recorded.");
    }

    /** Paths no chain serves yet: denied to everyone, whatever they send. */
    static ServerAuthenticationEntryPoint notServedEntryPoint() {
        return (exchange, failure) -> notServed(exchange);
    }

    static ServerAccessDeniedHandler notServedHandler() {
        return (exchange, denied) -> notServed(exchange);
    }

    private static Mono<Void> notServed(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Nothing is served at this path.");
    }

    private static BearerTokenError bearerError(AuthenticationException failure) {
        return failure instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError bearer
                ? bearer : null;
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + code);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException impossibleForStrings) {
            body = ("{\"status\":" + status.value() + "}").getBytes(StandardCharsets.UTF_8);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
