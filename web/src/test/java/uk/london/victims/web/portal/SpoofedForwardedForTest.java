package uk.london.victims.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import uk.london.victims.web.AxonDefaults;

/**
 * Issue 12, item 3, as an attacker tried it: behind a proxy (forwarded headers on, as advised), a new
 * X-Forwarded-For on every request gave unlimited code guesses. The service now believes the header only
 * from the proxy it is told of; this client is not that proxy, so it is throttled as itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vjt.demo-data=false")
@DirtiesContext
class SpoofedForwardedForTest {

    static {
        AxonDefaults.apply();
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void behindAProxyElsewhere(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("vjt-spoofed-xff-").toString();
        registry.add("vjt.store.uri", () -> "");
        registry.add("vjt.store.data-directory", () -> directory);
        registry.add("vjt.proxy.trusted-proxies", () -> "10.9.9.9");
    }

    @Test
    void aNewXForwardedForOnEveryRequestDoesNotEscapeTheThrottle() {
        WebTestClient http = PortalJourneys.overTheNetwork(port);
        PortalClient client = new PortalClient(http, "198.51.100.0");
        client.post("/track/sign-in", Map.of("reference", "CRIS-SPOOF-1"));
        String csrf = client.csrfToken();
        EntityExchangeResult<String> last = null;
        for (int attempt = 1; attempt <= 25; attempt++) {
            PortalClient rotated = new PortalClient(http, "198.51.100." + attempt);
            rotated.session = client.session;
            last = rotated.postWithToken("/track/code", Map.of("code", "%06d".formatted(attempt)), csrf);
        }
        assertThat(last.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }
}
