package uk.london.victims.web.pages;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.london.victims.web.StoreIndexesAtStartUp;
import uk.london.victims.web.StoreQueries;

/** The service as the README runs it, for tests of its pages: embedded store, demo sign-in, demo data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Records every query the service sends, for the check that each has an index (ADR 0030).
@Import(StoreQueries.Recording.class)
// As in production, with the Prometheus registry (Spring Boot's tests leave metrics export off by default).
@AutoConfigureObservability(tracing = false)
public abstract class PagesOnEmbeddedStore {

    /** The portal's and review pages' queries too are served by {@code _id} or a declared index (ADR 0030). */
    @AfterAll
    static void everyQueryTheServiceSentIsServedByAnIndex() {
        StoreQueries.assertEachServedBy(StoreIndexesAtStartUp.declared());
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("vjt-pages-").toString();
        registry.add("vjt.store.uri", () -> "");
        registry.add("vjt.store.data-directory", () -> directory);
        registry.add("vjt.security.issuer-uri", () -> "");
        registry.add("vjt.security.jwk-set-uri", () -> "");
        // Tests stand for many clients by sending X-Forwarded-For, as a proxy in front of the service would:
        // the test client, on loopback, is that trusted proxy (ADR 0019).
        registry.add("vjt.proxy.trusted-proxies", () -> "127.0.0.1,::1");
        // "Exit this page" goes somewhere a test can reach without the internet.
        registry.add("vjt.portal.quick-exit-url", () -> NEUTRAL_SITE);
    }

    /** Where "Exit this page" leads in these tests. */
    protected static final String NEUTRAL_SITE = "/privacy";

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
