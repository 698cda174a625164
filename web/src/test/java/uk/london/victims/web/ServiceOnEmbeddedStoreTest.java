package uk.london.victims.web;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.london.victims.web.security.AgencyRole;

/**
 * The service as the README runs it: no MONGODB_URI, so it starts the embedded store itself, and no
 * identity provider, so it issues its own demo tokens.
 */
class ServiceOnEmbeddedStoreTest extends ServiceContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("vjt-service-").toString();
        registry.add("vjt.store.uri", () -> "");
        registry.add("vjt.store.data-directory", () -> directory);
        registry.add("vjt.security.issuer-uri", () -> "");
        registry.add("vjt.security.jwk-set-uri", () -> "");
    }

    @Override
    String bearerToken(AgencyRole role, String staffId, String unit, String bcu) {
        Map<String, String> request = new java.util.HashMap<>(Map.of("role", role.name(), "staffId", staffId, "unit", unit));
        if (bcu != null) {
            request.put("bcu", bcu);
        }
        return (String) http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("token");
    }

    @Override
    String bearerToken(AgencyRole role) {
        return (String) http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", role.name())).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("token");
    }
}
