package uk.london.victims.web.security;

import java.net.InetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.reactive.server.ConfigurableReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * In demo mode anyone who reaches the port can have a token for any role, so the service listens on
 * loopback only unless {@code server.address} ({@code SERVER_ADDRESS}) says otherwise (ADR 0019).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoMode.class)
class DemoModeAddress {

    private static final Logger log = LoggerFactory.getLogger(DemoModeAddress.class);
    private static final InetAddress LOOPBACK = loopback();

    @Bean
    WebServerFactoryCustomizer<ConfigurableReactiveWebServerFactory> demoModeListensOnLoopback(ServerProperties server) {
        return factory -> {
            if (server.getAddress() != null) {
                log.warn("Demo mode: listening on {} as SERVER_ADDRESS says; anyone who can reach it can get a token for any role",
                        server.getAddress().getHostAddress());
                return;
            }
            factory.setAddress(LOOPBACK);
            log.info("Demo mode: listening on {} only (set SERVER_ADDRESS to listen elsewhere)", LOOPBACK.getHostAddress());
        };
    }

    /** 127.0.0.1 itself, whatever the JVM prefers, since that is what the README's URLs use. */
    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
