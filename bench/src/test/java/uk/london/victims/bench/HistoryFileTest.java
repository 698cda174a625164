package uk.london.victims.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.london.victims.application.workload.LondonWorkload;

/** The generator's import lines: API routes and bodies, references only to earlier lines, details in plain text to seal. */
class HistoryFileTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyLineNamesAnApiRouteAndRefersOnlyToEarlierLinesOfItsCase() throws Exception {
        LondonWorkload workload = new LondonWorkload(new LondonWorkload.Settings(11, Instant.parse("2024-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), "HF"));
        HistoryFile file = new HistoryFile();
        long lines = 0;
        int cases = 500;
        for (int c = 0; c < cases; c++) {
            List<String> journey = file.lines(workload.next());
            Set<String> ids = new HashSet<>();
            for (String text : journey) {
                JsonNode line = json.readTree(text);
                assertThat(line.get("step").asText()).doesNotContain("{").isNotBlank();
                assertThat(line.get("body").has("caseId")).isFalse();
                assertThat(line.get("body").get("occurredAt").asText()).isNotBlank();
                line.path("refs").fields().forEachRemaining(ref -> assertThat(ids).contains(ref.getValue().asText()));
                if (line.get("step").asText().equals("victims")) {
                    assertThat(line.get("body").get("personalDetails").get("name").asText()).startsWith("Synthetic Victim");
                }
                ids.add(line.get("id").asText());
                lines++;
            }
            assertThat(json.readTree(journey.get(0)).get("step").asText()).isEqualTo("report");
        }
        // Issue 14 asked for richer journeys than the 11 steps a case had on average.
        assertThat((double) lines / cases).isGreaterThan(14);
    }
}
