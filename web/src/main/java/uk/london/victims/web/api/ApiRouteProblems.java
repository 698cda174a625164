package uk.london.victims.web.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import reactor.core.publisher.Mono;

/**
 * A request under {@code /api/} that no controller matched (an empty id, {@code /api/cases/}, a wrong
 * method) never reaches {@link ApiProblems}; Spring Boot would answer it with its own error JSON. This
 * answers it as a problem document like every other failure of the API. Runs before Boot's handler (-1).
 */
@Component
@Order(-2)
class ApiRouteProblems implements WebExceptionHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/") || !(failure instanceof ErrorResponse error) || !error.getStatusCode().is4xxClientError()
            || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpStatusCode status = error.getStatusCode();
        HttpStatus known = HttpStatus.resolve(status.value());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://victims.london/problems/" + (status.value() == 404 ? "not-found" : "invalid-request"));
        problem.put("title", known == null ? "Client error" : known.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", status.value() == 404 ? "Nothing is served at this path; check the ids in it."
                : status.value() == 405 ? "This path does not accept that method." : "The request could not be served as sent.");
        problem.put("instance", path);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return Mono.error(failure);
        }
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        error.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().addAll(name, values));
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
    }
}
