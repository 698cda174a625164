package uk.london.victims.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The start-up log as an operator reads it (ADR 0030): the service started as a process at INFO, in JSON
 * (the option a log platform takes), so that every line must be one record and each record one fact, with
 * none of the frameworks' noise.
 */
class StartUpLogTest {

    @TempDir
    Path data;

    @Test
    void eachLineIsOneJsonRecordOfOneFactAndNoneIsFrameworkNoise() throws Exception {
        Path log = data.resolve("service.log");
        try (ServiceProcess service = ServiceProcess.launch(log, Map.of("VJT_LOG_FORMAT", "ecs"),
                List.of("--vjt.store.data-directory=" + data.resolve("store"), "--logging.level.root=INFO"))) {
            assertThat(service.becomesHealthy(Duration.ofSeconds(120))).as("healthy").isTrue();
        }
        ObjectMapper json = new ObjectMapper();
        List<String> messages = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.isBlank()) {
                continue;
            }
            // Anything printed around the logging system (a library writing to stderr) fails here.
            JsonNode record = json.readTree(line);
            String message = record.path("message").asText();
            assertThat(message).as("one fact per record: %s", line).doesNotContain("\n");
            messages.add(message);
        }
        assertThat(messages).as("the start-up facts")
                .anySatisfy(m -> assertThat(m).startsWith("Started VictimJourneyTrackerApplication"))
                .anySatisfy(m -> assertThat(m).startsWith("Store indexes: none on the embedded store"))
                .anySatisfy(m -> assertThat(m).startsWith("London victim journey tracker is running on the embedded store"));
        assertThat(String.join("\n", messages)).as("framework noise")
                .doesNotContainIgnoringCase("commons logging")
                .doesNotContainIgnoringCase("deprecat")
                .doesNotContain("AxonIQ Console")
                .doesNotContain("claimed the token for segment")
                .doesNotContain("AliasFor")
                .doesNotContain("released claim")
                .doesNotContain("is enabled by default")
                .doesNotContain("not yet implemented")
                .doesNotContain("EhcacheManager")
                .doesNotContain("XStream")
                .doesNotContain("UpdateChecker")
                .doesNotContain("Exposing");
    }
}
