package uk.london.victims.web.pages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses a request whose Content-Length is over the body limit before anything reads it: no 64 KB is
 * buffered for nothing, and the refusal is the same 413 whoever would have read the body first (the
 * CSRF check, a controller). Browsers always send the length of a form; a chunked body is caught when it
 * is read, by {@link TooLargeRequests}.
 */
@Component
// After the trusted-proxy filter and the security headers, so a refusal carries the headers too; before Spring
// Security (-100), which reads forms.
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class OversizedBodies implements WebFilter {

    private final long limit;
    private final TooLargeRequests tooLarge;

    OversizedBodies(@Value("${spring.codec.max-in-memory-size:64KB}") DataSize limit, TooLargeRequests tooLarge) {
        this.limit = limit.toBytes();
        this.tooLarge = tooLarge;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared <= limit) {
            return chain.filter(exchange);
        }
        if (declared <= DRAIN_AT_MOST) {
            // Read and drop the body before answering, so the connection carries the client's next request cleanly
            // (an unread body on a reused connection left a request unanswered, found by the fuzzer).
            return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release)
                           .then(Mono.defer(() -> tooLarge.refuse(exchange)));
        }
        // Too large even to read and drop: answer, and close the connection after the answer.
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return tooLarge.refuse(exchange);
    }

    /** A refused body up to this size is read and dropped; a larger one closes the connection instead. */
    static final long DRAIN_AT_MOST = 1024 * 1024;
}
