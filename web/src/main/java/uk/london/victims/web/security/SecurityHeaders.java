package uk.london.victims.web.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The headers every response carries, whichever chain served it and however it ended: an error page, a
 * problem document, a request the firewall refused, a static file (issue 12, item 13). Spring Security
 * writes its headers per chain, and each chain had its own set; this runs first, before any chain, and
 * fills in what a chain did not set just before the response is sent, so nothing can go out without them.
 * What a chain set (the pages' full Content-Security-Policy) is kept. It runs just after the filter that
 * believes forwarded headers from trusted proxies, so a request that came over HTTPS to the proxy is seen
 * as such here and gets HSTS.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeaders implements WebFilter {

    /** The API's answers are data, never a document to render or frame. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** One year, the minimum for browsers' preload lists, and every subdomain. */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        // Over HTTPS as the client saw it: behind a proxy, the forwarded scheme (from trusted proxies only).
        boolean https = "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
        boolean api = exchange.getRequest().getPath().value().startsWith("/api/");
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
            setIfAbsent(headers, "Referrer-Policy", "no-referrer");
            // A page that no chain rendered (a refusal before any chain) still gets the pages' strict policy.
            setIfAbsent(headers, "Content-Security-Policy", api ? API_POLICY : PageSecurity.CONTENT_SECURITY_POLICY);
            setIfAbsent(headers, "X-Frame-Options", "DENY");
            if (https) {
                setIfAbsent(headers, "Strict-Transport-Security", HSTS);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.containsKey(name)) {
            headers.set(name, value);
        }
    }
}
