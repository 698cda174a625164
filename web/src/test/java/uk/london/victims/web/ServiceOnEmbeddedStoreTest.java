package uk.london.victims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.london.victims.application.notifications.VictimNotifications;
import uk.london.victims.application.victims.RepeatVictimisation;
import uk.london.victims.projections.casesummary.CaseSummaryProjection;
import uk.london.victims.projections.ledger.ObligationLedgerProjection;
import uk.london.victims.projections.portal.PortalAccessProjection;
import uk.london.victims.projections.review.PlanMeasuresProjection;
import uk.london.victims.projections.timeline.CaseTimelineProjection;
import uk.london.victims.web.StoreWrites.Write;
import uk.london.victims.web.security.AgencyRole;

/**
 * The service as the README runs it: no MONGODB_URI, so it starts the embedded store itself, and no
 * identity provider, so it issues its own demo tokens.
 */
class ServiceOnEmbeddedStoreTest extends ServiceContract {

    @TestConfiguration(proxyBeanMethods = false)
    static class RecordingWrites {
        @Bean
        StoreWrites storeWrites() {
            return new StoreWrites();
        }
    }

    @Autowired
    StoreWrites writes;

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

    /**
     * ADR 0054: a read model's writes, and its processor's token, are applied without waiting for a commit, since
     * a crash that loses them loses the token with them and the events redo the work; the events themselves, and
     * the tokens of the processors that act on the world (notices, repeat-victimisation findings), are waited for.
     */
    @Test
    void readModelWritesAreNotWaitedForWhileEventsAndTheNoticesTokensAre() {
        String caseId = report(null).getResponseBody().get("caseId");
        contact(caseId, "2026-03-01T21:00:00Z").expectStatus().isCreated();

        List<String> readModels = List.of(CaseSummaryProjection.PROCESSING_GROUP, CaseTimelineProjection.PROCESSING_GROUP,
                ObligationLedgerProjection.PROCESSING_GROUP, PlanMeasuresProjection.PROCESSING_GROUP,
                PortalAccessProjection.PROCESSING_GROUP);
        List<String> actors = List.of(VictimNotifications.PROCESSING_GROUP, RepeatVictimisation.PROCESSING_GROUP);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Write> seen = writes.seen();
            assertThat(seen).filteredOn(w -> w.sender().startsWith("uk.london.victims.projections."))
                    .extracting(Write::collection)
                    .contains(CaseSummaryProjection.COLLECTION, CaseTimelineProjection.COLLECTION,
                            PortalAccessProjection.COLLECTION, ObligationLedgerProjection.LEDGER, PlanMeasuresProjection.CASES);
            assertThat(seen).filteredOn(w -> w.sender().startsWith("uk.london.victims.projections."))
                    .allMatch(w -> !w.awaited(), "not awaited");
            for (String processor : readModels) {
                assertThat(seen).filteredOn(w -> w.processor().equals(Optional.of(processor)))
                        .as(processor).isNotEmpty().allMatch(w -> !w.awaited(), "not awaited");
            }
            for (String processor : actors) {
                assertThat(seen).filteredOn(w -> w.processor().equals(Optional.of(processor)))
                        .as(processor).isNotEmpty().allMatch(Write::awaited, "awaited");
            }
            assertThat(seen).filteredOn(w -> w.collection().equals("events")).anyMatch(Write::awaited);
        });
    }
}
