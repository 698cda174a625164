package uk.london.victims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The README's walk-through, exactly as a new user runs it: the real service in its own JVM on the
 * embedded store, and docs/examples/journey.sh recording a journey from report to restorative justice
 * with curl and demo tokens, then reading the timeline back.
 */
class ReadmeJourneyTest {

    @Test
    void theReadmeJourneyRunsFromReportToRestorativeJustice() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
        Path script = Path.of("..", "docs", "examples", "journey.sh").toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("vjt-readme-");
        try (ServiceProcess service = ServiceProcess.start(data, Path.of("target", "readme-journey-service.log"))) {
            Process run = new ProcessBuilder("bash", script.toString(), "http://127.0.0.1:" + service.port)
                    .redirectErrorStream(true).start();
            String output = new String(run.getInputStream().readAllBytes());
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(output).isZero();
            assertThat(output).contains("\"type\":\"CrimeReported\"", "\"type\":\"ChargingDecisionMade\"",
                    "\"type\":\"CourtInformationReceivedByWitnessCare\"", "\"type\":\"SentenceRecorded\"",
                    "\"type\":\"RestorativeJusticeStepRecorded\"", "\"personalDetails\":\"{\\\"name\\\":\\\"Example Victim\\\"");
        }
    }
}
