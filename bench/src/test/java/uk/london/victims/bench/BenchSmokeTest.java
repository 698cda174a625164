package uk.london.victims.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's smallest setting, in the normal build: the generated journeys are commands the real
 * service accepts (a rule change that rejects them would otherwise only show in a benchmark run), and a
 * replay of what they built gives the same read models, whether each is rebuilt alone or all together.
 */
class BenchSmokeTest {

    @TempDir
    Path data;

    @Test
    void generatedJourneysAreAcceptedAndReplayRebuildsTheSameReadModels() throws Exception {
        // The notification dispatcher records each delivery as a command; during the replay its events would
        // reach the rebuilt read models but not the live snapshot, so it waits an hour here.
        Benchmark benchmark = new Benchmark(new Benchmark.Settings(1_000, 4, 50, 1, 1, 1, data, 7),
                List.of("--vjt.notify.dispatch-every=1h"));
        benchmark.start();
        try {
            benchmark.runJourneys(benchmark.nextJourneys(80), 4, null);
            assertThat(benchmark.rejections()).isEmpty();
            assertThat(benchmark.rejectedCommands()).isZero();
            // The same generator's journeys as an import file: every line accepted by the import (issue 14).
            benchmark.bulkImport("import.", benchmark.lastPosition() + 1_500);
            assertThat(benchmark.figures().get("import.rejected_lines").value()).isZero();
            assertThat(benchmark.figures().get("import.events").value()).isGreaterThanOrEqualTo(1_500);
            assertThat(benchmark.notes()).isEmpty();

            // Each read model rebuilt alone, then all together: the live read models the full replay is compared
            // with are then the ones the lone replays built.
            benchmark.replayEach();
            assertThat(benchmark.figures()).containsKeys("replay.alone.obligation-ledger.events_per_s",
                    "replay.alone.plan-measures.events_per_s", "replay.alone.case-timelines.events_per_s",
                    "replay.alone.case-summaries.events_per_s", "replay.alone.portal-access.events_per_s");

            benchmark.replay();
            assertThat(benchmark.figures().get("replay.events").value()).isGreaterThan(500);
            assertThat(benchmark.figures().get("replay.events_appended_meanwhile").value()).isZero();
            assertThat(benchmark.figures().get("replay.read_models_equal").value()).isEqualTo(1);
            assertThat(benchmark.figures().get("replay.plan_measures_equal").value()).isEqualTo(1);
        } finally {
            benchmark.stop();
        }
    }
}
