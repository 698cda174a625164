package uk.london.victims.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import uk.london.victims.web.pages.PagesOnEmbeddedStore;

/**
 * Every query parameter of the review and work-list API, given a bad value: a 400 problem that names the parameter
 * and, where the values are a known set, lists them, as the body errors do.
 */
@AutoConfigureWebTestClient
class QueryParameterProblemsTest extends PagesOnEmbeddedStore {

    private static final String PERIOD = "from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z";

    @Autowired
    WebTestClient http;

    @Test
    void reviewParametersAreNamedWithWhatTheyAccept() {
        WebTestClient commissioner = as("COMMISSIONER");
        for (String path : new String[] {"/api/review", "/api/review/export.csv", "/api/review/obligations"}) {
            String group = path.endsWith("obligations") ? "&group=R4" : "";
            problem(commissioner, path + "?" + PERIOD + group + "&groupBy=NOPE", "groupBy must be one of [", "RIGHT", "AGENCY");
            problem(commissioner, path + "?" + PERIOD + group + "&basis=NOPE", "basis must be one of [", "CODE_RIGHTS", "LOCAL_STANDARDS");
            problem(commissioner, path + "?from=yesterday&to=2026-02-01T00:00:00Z" + group, "from must be an ISO-8601 instant");
            problem(commissioner, path + "?from=2026-01-01T00:00:00Z&to=31-01-2026" + group, "to must be an ISO-8601 instant");
            problem(commissioner, path + "?" + PERIOD + group + "&asOf=now", "asOf must be an ISO-8601 instant");
            problem(commissioner, path + "?to=2026-02-01T00:00:00Z" + group, "from is required");
            problem(commissioner, path + "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z" + group, "from must be before to");
        }
        problem(commissioner, "/api/review?" + PERIOD + "&thenBy=NOPE", "thenBy must be one of [", "RIGHT");
        problem(commissioner, "/api/review?" + PERIOD + "&thenBy=RIGHT", "thenBy must differ from groupBy");
        problem(commissioner, "/api/review?" + PERIOD + "&bcu=Atlantis", "bcu must be a Basic Command Unit's code or name, one of [",
                "CE (Central East)", "WA (West Area)");
        problem(commissioner, "/api/review?" + PERIOD + "&borough=Atlantis", "borough must be a London borough, one of [",
                "HACKNEY", "SUTTON");
        problem(commissioner, "/api/review/obligations?" + PERIOD, "group is required");
        problem(commissioner, "/api/review/obligations?" + PERIOD + "&group=POLICE&groupBy=AGENCY&thenBy=RIGHT",
                "thenBy and then go together");
        problem(commissioner, "/api/review/obligations?" + PERIOD + "&group=R4&bcu=Atlantis", "bcu must be a Basic Command Unit");
        problem(commissioner, "/api/review/plan-measures?from=2026-01-01&to=2026-02-01T00:00:00Z", "from must be an ISO-8601 instant");
    }

    @Test
    void workListParametersAreNamedWithWhatTheyAccept() {
        WebTestClient police = as("POLICE_OFFICER");
        problem(police, "/api/work-list?agency=NOPE", "agency must be one of [", "POLICE", "WITNESS_CARE");
        problem(police, "/api/work-list?asOf=today", "asOf must be an ISO-8601 instant");
        problem(police, "/api/work-list?dueSoonWorkingDays=soon", "dueSoonWorkingDays must be a whole number");
        problem(police, "/api/work-list?bcu=Atlantis", "bcu must be a Basic Command Unit's code or name, one of [", "CE (Central East)");
        problem(as("ADMIN"), "/api/work-list", "agency is required", "POLICE");
    }

    private void problem(WebTestClient client, String uri, String startsWith, String... lists) {
        client.get().uri(uri).exchange().expectStatus().isBadRequest()
              .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
              .expectBody().jsonPath("$.detail").value(detail -> {
                  assertThat((String) detail).as(uri).startsWith(startsWith).doesNotContain("Exception", "uk.london", "java.");
                  for (String value : lists) {
                      assertThat((String) detail).as(uri).contains(value);
                  }
              });
    }

    private WebTestClient as(String role) {
        String token = (String) http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", role)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("token");
        return http.mutate().defaultHeaders(h -> h.setBearerAuth(token)).build();
    }
}
