package uk.london.victims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import uk.london.victims.application.store.EmbeddedMongoStore;

/**
 * Loading the demo journeys survives {@code kill -9} half-way: the next start finishes every journey, and no
 * step is stored twice. Compared step by step with a load that was never interrupted.
 */
class DemoDataResumeTest {

    private static final Pattern KEY = Pattern.compile("\"idempotencyKey\":\"(demo/[^\"]+)\"");
    private static final String READY = "synthetic journeys ready";

    @Test
    void aLoadKilledHalfWayIsFinishedOnTheNextStartWithNothingTwice() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "demo-resume"));
        // A log left by an earlier run already holds the lines awaited below.
        for (String log : List.of("whole.log", "killed.log", "restarted.log")) {
            Files.deleteIfExists(logs.resolve(log));
        }
        Path whole = Files.createTempDirectory("vjt-demo-whole-");
        try (ServiceProcess service = launch(whole, logs.resolve("whole.log"))) {
            awaitLine(logs.resolve("whole.log"), READY);
        }
        Map<String, List<String>> expected = demoSteps(whole);
        assertThat(expected.keySet().stream().map(key -> key.split("/")[1]).distinct()).hasSize(8);

        Path data = Files.createTempDirectory("vjt-demo-killed-");
        ServiceProcess killed = launch(data, logs.resolve("killed.log"));
        awaitLine(logs.resolve("killed.log"), "DEMO-0001-burglary complete");
        killed.killHard();
        assertThat(Files.readString(logs.resolve("killed.log"))).doesNotContain(READY);
        Map<String, List<String>> cutShort = demoSteps(data);
        assertThat(cutShort.size()).as("steps stored when killed").isLessThan(expected.size());
        assertThat(expected).containsAllEntriesOf(cutShort);

        try (ServiceProcess restarted = launch(data, logs.resolve("restarted.log"))) {
            awaitLine(logs.resolve("restarted.log"), READY);
            assertThat(Files.readString(logs.resolve("restarted.log"))).contains("making sure every journey is complete");
        }
        // Every step of every journey, each with the events it made once.
        assertThat(demoSteps(data)).isEqualTo(expected);
    }

    private static ServiceProcess launch(Path data, Path log) {
        return ServiceProcess.launch(log, Map.of(), List.of("--vjt.store.data-directory=" + data,
                "--logging.level.uk.london.victims.web.DemoData=DEBUG"));
    }

    private static void awaitLine(Path log, String line) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(20)).until(() -> read(log).contains(line));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each demo step's key, with the types of the events stored under it, from the stopped service's store. */
    private static Map<String, List<String>> demoSteps(Path data) {
        Map<String, List<String>> steps = new TreeMap<>();
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            for (Document commit : client.getDatabase("victims").getCollection("events").find()) {
                if (commit.getBoolean("void", false) || commit.getList("events", Document.class) == null) {
                    continue;
                }
                for (Document event : commit.getList("events", Document.class)) {
                    Matcher key = KEY.matcher(String.valueOf(event.get("metaData")));
                    if (key.find()) {
                        steps.computeIfAbsent(key.group(1), k -> new ArrayList<>()).add(event.getString("payloadType"));
                    }
                }
            }
        }
        return steps;
    }
}
