package uk.london.victims.web.pages;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.london.victims.application.store.StoreProperties;

/**
 * A body over the 64 KB limit ({@code spring.codec.max-in-memory-size}) sent to a page. Forms are read
 * early, by the CSRF check, before any controller (and before sign-in), so the limit's exception used to
 * reach Spring Boot's last-resort handler: a 500 and a stack trace in the log for every oversized post,
 * which anyone could send. Here it is a 413 in the pages' own design, and one line in the log. The
 * agency API answers its own 413 problem document (ApiProblems); a body refused there before any
 * controller gets the same problem document here. {@link OversizedBodies} refuses a body whose declared
 * length is over the limit before it is read at all; this catches the rest (chunked bodies).
 */
@Component
// Before Spring Boot's error handler (order -1), which would answer 500.
@Order(-2)
class TooLargeRequests implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(TooLargeRequests.class);
    static final String VIEW = "error/too-large";

    private final ObjectProvider<ViewResolver> viewResolvers;
    private final boolean demo;

    TooLargeRequests(ObjectProvider<ViewResolver> viewResolvers, StoreProperties store) {
        this.viewResolvers = viewResolvers;
        this.demo = store.embedded();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (!causedByTheLimit(failure) || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        return refuse(exchange);
    }

    /** Answers 413: a problem document under {@code /api/}, else a page in the section's design. */
    Mono<Void> refuse(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        log.info("Refused a request body over the size limit: {} {} (413)", exchange.getRequest().getMethod(), path);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
        if (path.startsWith("/api/")) {
            return problem(response, path);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("demoBanner", demo);
        model.put("navigation", List.of());
        boolean portal = path.equals("/track") || path.startsWith("/track/");
        model.put("section", portal ? "portal" : path.startsWith("/review") || path.startsWith("/staff") ? "review" : "home");
        model.put("back", portal ? "/track" : path.startsWith("/review") || path.startsWith("/staff") ? "/review" : "/");
        return Flux.fromStream(viewResolvers.orderedStream())
                .concatMap(resolver -> resolver.resolveViewName(VIEW, Locale.UK)).next()
                .flatMap(view -> view.render(model, MediaType.TEXT_HTML, exchange));
    }

    private static Mono<Void> problem(ServerHttpResponse response, String path) {
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = ("{\"type\":\"https://victims.london/problems/request-too-large\",\"title\":\"Payload Too Large\","
                + "\"status\":413,\"detail\":\"The request body is larger than this API accepts\",\"instance\":\""
                + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static boolean causedByTheLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataBufferLimitException) {
                return true;
            }
        }
        return false;
    }
}
