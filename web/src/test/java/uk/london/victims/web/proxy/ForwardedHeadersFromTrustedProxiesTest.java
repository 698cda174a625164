package uk.london.victims.web.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Issue 12, item 3: with forwarded headers on, any client could name any address in X-Forwarded-For and so
 * guess codes without limit. Only a trusted proxy's word is taken now, and only for the hop it saw.
 */
class ForwardedHeadersFromTrustedProxiesTest {

    private final ForwardedHeadersFromTrustedProxies filter =
            new ForwardedHeadersFromTrustedProxies(new TrustedProxies(List.of("10.0.0.0/8", " 192.0.2.10 ")), new ServerProperties());

    @Test
    void aClientThatIsNotATrustedProxyIsKnownByItsOwnAddressWhateverItClaims() {
        ServerHttpRequest seen = pass(request("203.0.113.7").header("X-Forwarded-For", "198.51.100.1")
                .header("Forwarded", "for=198.51.100.2;proto=https").header("X-Forwarded-Host", "evil.example"));
        assertThat(seen.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.7");
        assertThat(seen.getHeaders()).doesNotContainKeys("X-Forwarded-For", "Forwarded", "X-Forwarded-Host");
        assertThat(seen.getURI().getHost()).isEqualTo("service.example");
    }

    @Test
    void behindATrustedProxyTheClientIsTheHopItSawNotWhatTheClientWroteFurtherLeft() {
        // The client forged 198.51.100.1; the proxy appended the address it really saw.
        ServerHttpRequest seen = pass(request("10.1.2.3").header("X-Forwarded-For", "198.51.100.1, 203.0.113.7")
                .header("X-Forwarded-Proto", "https"));
        assertThat(seen.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.7");
        assertThat(seen.getURI().getScheme()).isEqualTo("https");
    }

    @Test
    void throughTwoTrustedProxiesTheClientIsTheFirstUntrustedHopFromTheRight() {
        ServerHttpRequest seen = pass(request("192.0.2.10").header("X-Forwarded-For", "198.51.100.1, 203.0.113.7, 10.9.9.9"));
        assertThat(seen.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("203.0.113.7");
    }

    @Test
    void aHopThatIsNotAnAddressIsNeverBelievedNorAnythingLeftOfIt() {
        ServerHttpRequest seen = pass(request("10.1.2.3").header("X-Forwarded-For", "198.51.100.1, evil.example, 10.2.2.2"));
        assertThat(seen.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("10.2.2.2");
        ServerHttpRequest none = pass(request("10.1.2.3"));
        assertThat(none.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("10.1.2.3");
    }

    @Test
    void noProxiesAreTrustedUnlessNamedAndAMalformedOneOrATrustAllStrategyStopsStartUp() {
        ForwardedHeadersFromTrustedProxies none = new ForwardedHeadersFromTrustedProxies(new TrustedProxies(List.of("")),
                new ServerProperties());
        AtomicReference<ServerHttpRequest> seen = new AtomicReference<>();
        none.filter(MockServerWebExchange.from(request("127.0.0.1").header("X-Forwarded-For", "198.51.100.1")),
                exchange -> Mono.fromRunnable(() -> seen.set(exchange.getRequest()))).block();
        assertThat(seen.get().getRemoteAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");

        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.internal"))).hasMessageContaining("not an address");
        ServerProperties framework = new ServerProperties();
        framework.setForwardHeadersStrategy(ServerProperties.ForwardHeadersStrategy.FRAMEWORK);
        assertThatThrownBy(() -> new ForwardedHeadersFromTrustedProxies(new TrustedProxies(List.of()), framework))
                .hasMessageContaining("VJT_TRUSTED_PROXIES");
    }

    private static MockServerHttpRequest.BaseBuilder<?> request(String peer) {
        return MockServerHttpRequest.post("http://service.example/track/code").remoteAddress(new InetSocketAddress(peer, 40000));
    }

    private ServerHttpRequest pass(MockServerHttpRequest.BaseBuilder<?> request) {
        AtomicReference<ServerHttpRequest> seen = new AtomicReference<>();
        filter.filter(MockServerWebExchange.from(request), exchange -> Mono.fromRunnable(() -> seen.set(exchange.getRequest())))
              .block();
        return seen.get();
    }
}
