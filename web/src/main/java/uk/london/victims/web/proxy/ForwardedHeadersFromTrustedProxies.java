package uk.london.victims.web.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

import reactor.core.publisher.Mono;

/**
 * Believes {@code Forwarded} and {@code X-Forwarded-*} only from a trusted proxy (ADR 0019). Neither Spring
 * Boot 3.5 nor Reactor Netty can limit forwarded headers to known proxies (Boot's trusted-proxy settings
 * are Tomcat's), and with either strategy on, anyone could name any address in {@code X-Forwarded-For}
 * and so escape the sign-in throttle. So the service turns both off ({@code server.forward-headers-strategy:
 * none}) and this filter, first of all, lets Spring's own {@link ForwardedHeaderTransformer} apply the
 * headers from a trusted proxy (host, scheme, prefix) and removes them from anyone else; the client's
 * address is the right-most untrusted hop of {@code X-Forwarded-For}, not the left-most that Spring takes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(TrustedProxies.class)
public class ForwardedHeadersFromTrustedProxies implements WebFilter {

    private final TrustedProxies proxies;
    private final ForwardedHeaderTransformer apply = new ForwardedHeaderTransformer();
    private final ForwardedHeaderTransformer remove = new ForwardedHeaderTransformer();

    public ForwardedHeadersFromTrustedProxies(TrustedProxies proxies, ServerProperties server) {
        ServerProperties.ForwardHeadersStrategy strategy = server.getForwardHeadersStrategy();
        if (strategy != null && strategy != ServerProperties.ForwardHeadersStrategy.NONE) {
            // Either strategy would believe forwarded headers from anyone, before this filter could stop it.
            throw new IllegalStateException("server.forward-headers-strategy=" + strategy + " believes X-Forwarded-For "
                    + "from any client. Leave it unset and name your proxies in VJT_TRUSTED_PROXIES instead.");
        }
        this.proxies = proxies;
        remove.setRemoveOnly(true);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        InetSocketAddress peer = request.getRemoteAddress();
        if (!proxies.trusts(peer)) {
            return chain.filter(exchange.mutate().request(remove.apply(request)).build());
        }
        List<String> forwardedFor = request.getHeaders().getOrEmpty("X-Forwarded-For");
        InetAddress client = proxies.clientFrom(forwardedFor);
        ServerHttpRequest forwarded = apply.apply(request);
        InetSocketAddress remote = client == null ? peer : new InetSocketAddress(client, 0);
        return chain.filter(exchange.mutate().request(forwarded.mutate().remoteAddress(remote).build()).build());
    }
}
