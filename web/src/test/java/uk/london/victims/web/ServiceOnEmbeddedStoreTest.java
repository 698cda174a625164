package uk.london.victims.web;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service as the README runs it: no MONGODB_URI, so it starts the embedded store itself. */
class ServiceOnEmbeddedStoreTest extends ServiceContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("vjt-service-").toString();
        registry.add("vjt.store.uri", () -> "");
        registry.add("vjt.store.data-directory", () -> directory);
    }
}
