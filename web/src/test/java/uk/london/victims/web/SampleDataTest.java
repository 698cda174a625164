package uk.london.victims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import uk.london.victims.web.pages.PagesOnEmbeddedStore;

/** {@code VJT_DEMO_DATA=sample}: after the eight journeys, a year of one BCU's cases, which the review then counts. */
@AutoConfigureWebTestClient
@TestPropertySource(properties = {"vjt.demo-data=sample", "vjt.demo-sample.cases=25", "vjt.demo-sample.bcu=CENTRAL_EAST"})
class SampleDataTest extends PagesOnEmbeddedStore {

    @Autowired
    SampleData sample;
    @Autowired
    WebTestClient http;

    @Test
    @SuppressWarnings("unchecked")
    void aYearOfOneBcusCasesIsLoadedInTheBackgroundAndTheReviewCountsThem() throws Exception {
        long started = System.nanoTime();
        assertThat(sample.loaded().get(10, TimeUnit.MINUTES)).isEqualTo(25);
        System.out.printf("sample data: 25 cases loaded %.1f s after the test began%n", (System.nanoTime() - started) / 1e9);

        String token = (String) http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "COMMISSIONER")).exchange().expectBody(Map.class).returnResult().getResponseBody().get("token");
        Instant now = Instant.now();
        // The ledger follows the events asynchronously: wait until it has every sample case's report.
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            Map<String, Object> review = http.get().uri(b -> b.path("/api/review").queryParam("from", now.minus(Duration.ofDays(400)))
                            .queryParam("to", now).queryParam("groupBy", "AGENCY").queryParam("thenBy", "RIGHT")
                            .queryParam("bcu", "CE").queryParam("basis", "ALL").build())
                    .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(((Number) ((Map<String, Object>) review.get("total")).get("opened")).longValue()).isGreaterThan(25);
            assertThat((List<Map<String, Object>>) review.get("rows")).extracting(row -> row.get("group")).contains("POLICE");
        });
        // Elsewhere, only the hand-written journeys: the sample stayed in its BCU.
        Map<String, Object> westminster = http.get().uri(b -> b.path("/api/review").queryParam("from", now.minus(Duration.ofDays(400)))
                        .queryParam("to", now).queryParam("groupBy", "BOROUGH").queryParam("borough", "WESTMINSTER")
                        .queryParam("basis", "ALL").build())
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Number) ((Map<String, Object>) westminster.get("total")).get("opened")).longValue()).isLessThan(15);
    }
}
