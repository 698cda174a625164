package uk.london.victims.web.pages;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ServiceStage;
import uk.london.victims.domain.cases.victims.RateTreatmentCommand;
import uk.london.victims.domain.people.PersonId;

/**
 * Cases recorded through the agency API in May and June 2024, months the demo data (the last 300 days)
 * never reaches, so the review of that period counts only these. Recorded once per store: the page test
 * classes share one Spring context, and so one store.
 */
final class ReviewJourneys {

    static final String VICTIM_NAME = "Pagetest Victim";
    /** A report at 00:30 on 1 June London time, which is still 31 May in UTC. */
    static final String LATE_REPORT = "2024-05-31T23:30:00Z";

    static String mayCase;
    static String juneCase;
    /** The store they went into: another Spring context (a cache eviction) has another store, so record again. */
    private static CommandGateway recordedThrough;

    private ReviewJourneys() {
    }

    static synchronized void ensureRecorded(WebTestClient anonymous, CommandGateway commands) {
        if (recordedThrough == commands) {
            return;
        }
        String token = (String) anonymous.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "POLICE_OFFICER")).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("token");
        WebTestClient police = anonymous.mutate().defaultHeaders(h -> h.setBearerAuth(token)).defaultHeader("X-Purpose", "review test").build();

        mayCase = report(police, "2024-05-02T09:00:00Z");
        String victim = victim(police, mayCase, VICTIM_NAME, "2024-05-02T09:30:00Z");
        post(police, "/api/cases/" + mayCase + "/crime-record", Map.of("crimeReference", "CRIS-PG" + mayCase.substring(0, 6),
                "offence", "BURGLARY_RESIDENTIAL", "borough", "SUTTON", "occurredAt", "2024-05-02T10:00:00Z"));
        post(police, "/api/cases/" + mayCase + "/victims/" + victim + "/equality-data", Map.of("ageBand", "AGE_35_44",
                "sex", "FEMALE", "occurredAt", "2024-05-02T11:00:00Z"));

        // June: six victims rate the reporting stage (one changes their mind), two rate the court stage.
        juneCase = report(police, LATE_REPORT);
        List<String> victims = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            victims.add(victim(police, juneCase, "Pagetest Rater " + (char) ('A' + i), "2024-06-01T10:00:00Z"));
        }
        Instant rated = Instant.parse("2024-06-10T10:00:00Z");
        int[] reporting = {5, 4, 4, 5, 2, 1};
        for (int i = 0; i < victims.size(); i++) {
            rate(commands, juneCase, victims.get(i), ServiceStage.REPORTING, reporting[i], rated);
        }
        rate(commands, juneCase, victims.get(5), ServiceStage.REPORTING, 5, rated.plusSeconds(60));
        rate(commands, juneCase, victims.get(0), ServiceStage.COURT, 5, rated);
        rate(commands, juneCase, victims.get(1), ServiceStage.COURT, 1, rated);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> police.get().uri("/api/cases/" + mayCase + "/timeline")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(3));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> police.get().uri("/api/cases/" + juneCase + "/timeline")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(6 + 9));
        // The review reads the obligation ledger, which follows the events as the timeline does.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> police.get().uri("/api/cases/" + mayCase + "/obligations")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(3));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> police.get().uri("/api/cases/" + juneCase + "/obligations")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(6 + 9));
        // The Plan's measures have a projection of their own, with its own lag: the last ratings must be in it.
        String commissioner = (String) anonymous.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "COMMISSIONER")).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("token");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> anonymous.get().uri(b -> b.path("/api/review/plan-measures")
                        .queryParam("from", LATE_REPORT).queryParam("to", "2024-06-30T23:00:00Z").build())
                .headers(h -> h.setBearerAuth(commissioner)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.satisfactionByStage[0].ratings").isEqualTo(6));
        recordedThrough = commands;
    }

    private static void rate(CommandGateway commands, String caseId, String victim, ServiceStage stage, int rating, Instant at) {
        commands.sendAndWait(new RateTreatmentCommand(new CaseId(caseId), new PersonId(victim), stage, rating, at));
    }

    private static String report(WebTestClient police, String at) {
        return (String) police.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "ONLINE", "occurredAt", at)).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("caseId");
    }

    private static String victim(WebTestClient police, String caseId, String name, String at) {
        return (String) police.post().uri("/api/cases/" + caseId + "/victims").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "DIRECT_VICTIM", "personalDetails", Map.of("name", name), "occurredAt", at))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("createdId");
    }

    private static void post(WebTestClient police, String path, Map<String, ?> body) {
        police.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated();
    }
}
