package uk.london.victims.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The import's target alone, when the whole benchmark is too long for the machine at hand: command-path
 * events/s and import events/s from one service on one store, one after the other in the same run.
 * {@code ImportBench COMMAND_EVENTS IMPORT_EVENTS}.
 */
public final class ImportBench {

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        long commandEvents = args.length > 0 ? Long.parseLong(args[0]) : 2_000;
        long importEvents = args.length > 1 ? Long.parseLong(args[1]) : 20_000;
        Path data = Files.createTempDirectory("vjt-import-bench-");
        Benchmark benchmark = new Benchmark(new Benchmark.Settings(commandEvents + importEvents, 8, 50, 1, 1, 1, data, 20251),
                List.of("--vjt.notify.dispatch-every=1h"));
        benchmark.start();
        try {
            benchmark.commands("small", commandEvents);
            benchmark.bulkImport("import.", benchmark.lastPosition() + importEvents);
            double commands = benchmark.figures().get("commands.small.events_per_s").value();
            double imported = benchmark.figures().get("import.events_per_s").value();
            System.out.printf(Locale.ROOT, "ImportBench: command path %.1f events/s, import %.1f events/s: %.2fx (target >= 10x)%n",
                    commands, imported, imported / commands);
        } finally {
            benchmark.stop();
            System.exit(0);
        }
    }
}
