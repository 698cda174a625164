package uk.london.victims.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.test.web.reactive.server.WebTestClient;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.web.pages.PagesOnEmbeddedStore;

/** The Prometheus endpoint answers the operations role only, and its figures move with what the service does. */
@AutoConfigureWebTestClient
class OperationsMetricsTest extends PagesOnEmbeddedStore {

    @Autowired
    WebTestClient http;
    @Autowired
    DemoTokens tokens;

    private String token(AgencyRole role) {
        return (String) http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", role.name()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("token");
    }

    /** What a scraper holds: a token from the same provider whose only role is OPERATIONS. */
    private String operationsToken() {
        JwtClaimsSet agency = tokens.claims(AgencyRole.ADMIN, "prometheus", "PLATFORM", null, null);
        return tokens.sign(JwtClaimsSet.from(agency).claim(StaffMember.ROLES_CLAIM, List.of(OperationsSecurity.ROLE)).build());
    }

    private String scrape() {
        return http.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(operationsToken())).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    /** The sum of a metric's samples whose labels include every one given. */
    private static double sum(String scrape, String metric, String... labels) {
        return scrape.lines().filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void onlyTheOperationsRoleReadsTheMetrics() {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        for (AgencyRole role : AgencyRole.values()) {
            http.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(token(role))).exchange()
                .expectStatus().isForbidden();
        }
        // And the operations role opens nothing else: it is no agency role.
        http.get().uri("/api/cases").headers(h -> h.setBearerAuth(operationsToken())).exchange().expectStatus().isForbidden();
        assertThat(scrape()).contains("vjt_obligations_overdue ", "vjt_portal_sign_in_failures_total ",
                "vjt_portal_sign_in_locks_total ", "vjt_projection_lag_events{processor=\"")
                            .contains("vjt_commands_total{command=\"ReportCrimeCommand\",outcome=\"accepted\"}");
    }

    @Test
    void aRefusedCommandIsCountedAsARejection() {
        double before = sum(scrape(), "vjt_commands_total", "outcome=\"rejected\"");
        // A crime recorded on a case nobody reported: the case refuses it.
        http.post().uri("/api/cases/{id}/crime-record", CaseId.newId().value()).headers(h -> h.setBearerAuth(token(AgencyRole.POLICE_OFFICER)))
            .header("X-Purpose", "test").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("crimeReference", "CRIS-NOBODY", "offence", "THEFT", "borough", "HACKNEY",
                    "occurredAt", "2026-03-01T21:00:00Z"))
            .exchange().expectStatus().is4xxClientError();

        assertThat(sum(scrape(), "vjt_commands_total", "outcome=\"rejected\"")).isEqualTo(before + 1);
    }
}
