package uk.london.victims.bench;

import uk.london.victims.application.workload.LondonWorkload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import uk.london.victims.bench.Benchmark.Figure;
import uk.london.victims.domain.geography.BasicCommandUnit;

/**
 * Runs every benchmark and rewrites BENCHMARKS.md. Settings are system properties ({@code bench.events},
 * {@code bench.clients}, ...); see {@code bench/pom.xml} for the defaults the one command uses.
 */
public final class BenchMain {

    static final String COMMAND = "./mvnw -B -pl bench -am verify -Pbench -DskipTests";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        // A kept store (a run stopped after its import) can be measured again: -Dbench.dataDirectory=… -Dbench.phases=lag
        // (commands and the projection lag), replay (every read model rebuilt) or replay-each (each alone, then all).
        String kept = System.getProperty("bench.dataDirectory", "");
        Path data = kept.isBlank() ? Files.createTempDirectory("vjt-bench-") : Path.of(kept);
        String phases = System.getProperty("bench.phases", "all");
        if (!List.of("all", "noreplay", "lag", "replay", "replay-each").contains(phases)) {
            throw new IllegalArgumentException("bench.phases must be all, noreplay, lag, replay or replay-each, not " + phases);
        }
        boolean onePhase = List.of("lag", "replay", "replay-each").contains(phases);
        if (onePhase && kept.isBlank()) {
            throw new IllegalArgumentException("bench.phases=" + phases + " measures a kept store: set bench.dataDirectory");
        }
        Benchmark.Settings settings = new Benchmark.Settings(
                Long.getLong("bench.events", 100_000), Integer.getInteger("bench.clients", 8),
                Integer.getInteger("bench.lagRate", 50), Integer.getInteger("bench.lagSeconds", 30),
                Integer.getInteger("bench.readClients", 100), Integer.getInteger("bench.readSeconds", 20),
                data, Long.getLong("bench.seed", 20251),
                System.getProperty("bench.bcu", "").isBlank() ? null : BasicCommandUnit.valueOf(System.getProperty("bench.bcu").trim()));
        Path output = Path.of(System.getProperty("bench.output", "BENCHMARKS.md"));
        Instant started = Instant.now();
        Benchmark benchmark = new Benchmark(settings);
        if ("noreplay".equals(phases)) {
            benchmark.withoutReplay();
        }
        try {
            if ("lag".equals(phases)) {
                benchmark.runLagOnly();
            } else if ("replay".equals(phases)) {
                benchmark.runReplayOnly();
            } else if ("replay-each".equals(phases)) {
                benchmark.runReplayEachOnly();
            } else {
                benchmark.run();
            }
        } finally {
            benchmark.stop();
        }
        if (onePhase) {
            // Its figures are on the console (bench: lines); the report's table needs every phase.
            System.exit(0);
        }
        Duration took = Duration.between(started, Instant.now());
        Files.writeString(output, into(Files.exists(output) ? Files.readString(output) : "", report(settings, benchmark, took)));
        System.out.println("bench: wrote " + output.toAbsolutePath() + " after " + took.toMinutes() + " min");
        if (kept.isBlank()) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        // Spring and Netty threads may linger after close; the report is written, so end the JVM.
        System.exit(0);
    }

    static final String BEGIN = "<!-- bench: begin (written by BenchMain; text outside these marks is kept) -->";
    static final String END = "<!-- bench: end -->";

    /**
     * The file with the run's report in place of the previous one between the marks, so notes written by hand
     * around it survive a run; a file without the marks is replaced whole.
     */
    static String into(String existing, String report) {
        int begin = existing.indexOf(BEGIN);
        int end = existing.indexOf(END);
        if (begin < 0 || end < begin) {
            return BEGIN + "\n" + report + END + "\n";
        }
        return existing.substring(0, begin) + BEGIN + "\n" + report + existing.substring(end);
    }

    static String report(Benchmark.Settings settings, Benchmark benchmark, Duration took) throws Exception {
        Map<String, Figure> f = benchmark.figures();
        StringBuilder md = new StringBuilder();
        md.append("## Run of ").append(Instant.now().truncatedTo(ChronoUnit.MINUTES)).append(" at ")
          .append(fmt(settings.events())).append(" events\n\n");
        md.append("Written by `").append(COMMAND).append(" -Dbench.events=").append(settings.events())
          .append(settings.bcu() == null ? "" : " -Dbench.bcu=" + settings.bcu().name())
          .append("` (other settings in\n")
          .append("`bench/pom.xml`, overridable with `-Dbench.events=…` etc.). Every figure below comes from one run on\n")
          .append("one growing store; ratios compare figures from that same run, because the machine is shared and noisy.\n\n");
        md.append("- **Run**: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", took ")
          .append(took.toMinutes()).append(" min\n");
        md.append("- **Machine**: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (`nproc`), ")
          .append(memory()).append(" RAM, ").append(System.getProperty("java.vm.name")).append(' ')
          .append(System.getProperty("java.version")).append(", ").append(System.getProperty("os.name")).append(' ')
          .append(System.getProperty("os.arch")).append(", JVM heap limit ").append(fmt(get(f, "memory.heap_max_mb"))).append(" MB\n");
        md.append("- **Store**: embedded mongo-java-server 1.47 with the durable H2 MVStore backend (group commit, ADR 0014), ")
          .append("service and store in one JVM, reached through the MongoDB driver on loopback\n");
        md.append("- **Load**: `LondonWorkload` seed ").append(settings.seed())
          .append(settings.bcu() == null ? ", all London" : ", every case in " + settings.bcu().displayName() + " BCU").append(", ").append(fmt(get(f, "store.cases")))
          .append(" cases / ").append(fmt(get(f, "store.events"))).append(" events at the end; commands through Axon's ")
          .append("`CommandGateway` (the path the HTTP API uses, without HTTP); reads through HTTP with `java.net.http` on loopback; ")
          .append(fmt(get(f, "rejected_commands"))).append(" commands rejected\n\n");

        md.append("### Targets\n\n| target | measured | ratio / verdict |\n|---|---|---|\n");
        double raw = get(f, "raw.insert_per_s");
        row(md, "durable command throughput, " + settings.clients() + " clients, ≥ 1.0× raw single-document durable insert loop",
                fmt(get(f, "commands.small.per_s")) + " commands/s at " + fmt(get(f, "commands.small.store_events_before"))
                + " events; " + fmt(get(f, "commands.large.per_s")) + " at " + fmt(get(f, "commands.large.store_events_before"))
                + "; raw loop " + fmt(raw) + " inserts/s",
                ratio(get(f, "commands.small.per_s") / raw, 1.0, true) + " (small); "
                + ratio(get(f, "commands.large.per_s") / raw, 1.0, true) + " (large)");
        double commandEvents = get(f, "commands.small.events_per_s");
        row(md, "history import ≥ 10× the command path's events/s (issue 14)",
                fmt(get(f, "import.events_per_s")) + " events/s (" + fmt(get(f, "import.events")) + " events, "
                + fmt(get(f, "import.cases")) + " cases, " + fmt2(get(f, "import.lines_per_case")) + " lines per case, in "
                + fmt2(get(f, "import.seconds")) + " s, " + fmt(get(f, "import.rejected_lines")) + " lines rejected; read models then caught up in "
                + fmt2(get(f, "import.catch_up_seconds")) + " s"
                + (Double.isNaN(get(f, "import.first.events")) ? "" : "; before that a first part of " + fmt(get(f, "import.first.events"))
                   + " events in " + fmt2(get(f, "import.first.seconds")) + " s at " + fmt(get(f, "import.first.events_per_s"))
                   + " events/s, caught up in " + fmt2(get(f, "import.first.catch_up_seconds")) + " s")
                + "); command path " + fmt(commandEvents) + " events/s",
                ratio(get(f, "import.events_per_s") / commandEvents, 10.0, true));
        double p99small = get(f, "commands.small.p99_ms");
        double p99large = get(f, "commands.large.p99_ms");
        row(md, "command latency p99 at 1M events ≤ 1.5× at 10k",
                "p99 " + fmt2(p99small) + " ms at " + fmt(get(f, "commands.small.store_events_before")) + " events, "
                + fmt2(p99large) + " ms at " + fmt(get(f, "commands.large.store_events_before")) + " events",
                ratio(p99large / p99small, 1.5, false) + " (measured at the scale shown, not 1M)");
        row(md, "projection lag p99 < 200 ms at 10× London's peak",
                "p99 " + fmt2(get(f, "lag.p99_ms")) + " ms (p50 " + fmt2(get(f, "lag.p50_ms")) + ", p95 " + fmt2(get(f, "lag.p95_ms"))
                + ") at " + fmt(get(f, "lag.rate_achieved")) + " events/s; obligation ledger p99 "
                + fmt2(get(f, "lag.obligation-ledger.p99_ms")) + " ms; meanwhile one reader asked for the review of the busiest BCU's year "
                + fmt(get(f, "lag.review_reads.count")) + " times (p50 " + fmt2(get(f, "lag.review_reads.p50_ms")) + " ms)",
                verdict(get(f, "lag.p99_ms") < 200));
        double replay = get(f, "replay.events_per_s");
        double rawRead = get(f, "raw.read_events_per_s");
        row(md, "full replay of all read models ≥ 0.5× raw sequential read and ≥ 10,000 events/s",
                fmt(replay) + " events/s (" + fmt(get(f, "replay.events")) + " events in " + fmt2(get(f, "replay.seconds"))
                + " s); raw read " + fmt(rawRead) + " events/s",
                ratio(replay / rawRead, 0.5, true) + "; " + verdict(replay >= 10_000)
                + (get(f, "replay.read_models_equal") == 1 ? "; read models equal to live"
                   : get(f, "replay.events_appended_meanwhile") > 0
                     ? "; read models differ from the live snapshot, inconclusive: " + fmt(get(f, "replay.events_appended_meanwhile"))
                       + " events appended meanwhile (see notes)"
                     : "; READ MODELS DIFFER"));
        row(md, "embedded store file proportional to its live documents (issue 14, section 1)",
                fmt(get(f, "size.store_file_mb")) + " MB file for " + fmt(get(f, "size.live_documents_mb")) + " MB of live BSON documents ("
                + fmt2(get(f, "size.file_per_live_documents")) + "×), " + fmt(get(f, "size.file_bytes_per_event")) + " file bytes per event",
                "measured at " + fmt(get(f, "store.events")) + " events; no numeric target set");
        for (String[] read : new String[][] {{"timeline", "victim timeline GET"}, {"case", "agency case GET"}}) {
            String many = read[0] + "." + settings.readClients() + "c";
            row(md, read[1] + " p99 < 50 ms, " + settings.readClients() + " concurrent clients",
                    "p50 " + fmt2(get(f, "read.large." + many + ".p50_ms")) + " / p95 " + fmt2(get(f, "read.large." + many + ".p95_ms"))
                    + " / p99 " + fmt2(get(f, "read.large." + many + ".p99_ms")) + " ms, "
                    + fmt(get(f, "read.large." + many + ".requests_per_s")) + " requests/s, "
                    + fmt(get(f, "read.large." + many + ".non_200")) + " non-200",
                    verdict(get(f, "read.large." + many + ".p99_ms") < 50) + " (store of " + fmt(get(f, "store.events")) + " events)");
            // The same cases at both scales (read.large.same): the cost's growth with history, not with longer timelines.
            int few = Benchmark.FEW_READ_CLIENTS;
            String small = "read.small." + read[0] + "." + few + "c";
            String same = "read.large.same." + read[0] + "." + few + "c";
            row(md, read[1] + " p99 at the end ≤ 1.5× after the first commands, the same cases, " + few + " clients",
                    "p50 / p99 " + fmt2(get(f, small + ".p50_ms")) + " / " + fmt2(get(f, small + ".p99_ms")) + " ms for the first "
                    + fmt(get(f, "read.small.commands_before")) + " cases (" + fmt(get(f, small + ".requests_per_s"))
                    + " requests/s); " + fmt2(get(f, same + ".p50_ms")) + " / " + fmt2(get(f, same + ".p99_ms")) + " ms for them at "
                    + fmt(get(f, "store.events")) + " events (" + fmt(get(f, same + ".requests_per_s")) + " requests/s)",
                    ratio(get(f, same + ".p99_ms") / get(f, small + ".p99_ms"), 1.5, false));
            String any = "read.large." + read[0] + "." + few + "c";
            row(md, read[1] + " of any case at the end, " + few + " clients",
                    "p50 / p99 " + fmt2(get(f, any + ".p50_ms")) + " / " + fmt2(get(f, any + ".p99_ms")) + " ms over "
                    + fmt(get(f, "read.large.commands_before")) + " cases at " + fmt(get(f, "store.events")) + " events ("
                    + fmt(get(f, any + ".requests_per_s")) + " requests/s)", "measured, no target (most are imported cases, spread over the whole store)");
        }
        double reviewWorst = Math.max(get(f, "review.by_bcu.max_ms"), Math.max(get(f, "review.by_right.max_ms"),
                get(f, "review.plan_measures.max_ms")));
        row(md, "Commissioner review for a year of one BCU (~75,000 cases) < 1 s",
                "by BCU " + fmt(get(f, "review.by_bcu.max_ms")) + " ms, by right " + fmt(get(f, "review.by_right.max_ms"))
                + " ms, Plan measures " + fmt(get(f, "review.plan_measures.max_ms")) + " ms (worst of " + Benchmark.REVIEW_REPEATS + ") over all "
                + fmt(get(f, "review.cases_in_year")) + " cases (all London, not one BCU)",
                verdict(reviewWorst < 1000) + " at " + fmt(get(f, "review.cases_in_year")) + " cases");
        // Issue 10: the obligation ledger, measured at the small scale and at the end of the run.
        String at = " at " + fmt(get(f, "ledger.large.bcu_cases")) + " cases in the BCU (" + fmt(get(f, "ledger.large.all_cases"))
                    + " in all)" + (get(f, "ledger.large.bcu_cases") < 70_000 ? ", not 75,000" : "");
        row(md, "ledger: review of one BCU's year as known now p95 < 300 ms",
                "p95 " + fmt2(get(f, "ledger.large.review_now.p95_ms")) + " ms (two-way agency × right p95 "
                + fmt2(get(f, "ledger.large.review_two_way.p95_ms")) + " ms)",
                verdict(get(f, "ledger.large.review_now.p95_ms") < 300) + at);
        row(md, "ledger: review of one BCU's year as known on a past date p95 < 2 s",
                "p95 " + fmt2(get(f, "ledger.large.review_past.p95_ms")) + " ms as known before the last import (nearly every day of"
                + " the year changed since); p95 " + fmt2(get(f, "ledger.large.review_past_recent.p95_ms"))
                + " ms as known after it (only the last commands since)",
                verdict(get(f, "ledger.large.review_past.p95_ms") < 2000) + " (the worse of the two)" + at);
        double flat = get(f, "ledger.large.review_now.p95_ms") / get(f, "ledger.small.review_now.p95_ms");
        row(md, "ledger: review time at 75,000 cases ≤ 1.2× at 10,000",
                "p95 " + fmt2(get(f, "ledger.small.review_now.p95_ms")) + " ms at " + fmt(get(f, "ledger.small.bcu_cases"))
                + " cases in the BCU, " + fmt2(get(f, "ledger.large.review_now.p95_ms")) + " ms at " + fmt(get(f, "ledger.large.bcu_cases")),
                ratio(flat, 1.2, false) + " (measured between the sizes shown)");
        row(md, "ledger: a unit's work list p99 < 50 ms, 20 concurrent readers",
                "p99 " + fmt2(get(f, "ledger.large.work_list.p99_ms")) + " ms (p50 " + fmt2(get(f, "ledger.large.work_list.p50_ms"))
                + "), " + fmt(get(f, "ledger.large.work_list.requests_per_s")) + " requests/s, "
                + fmt(get(f, "ledger.large.work_list.non_200")) + " non-200; the police of the busiest BCU",
                verdict(get(f, "ledger.large.work_list.p99_ms") < 50) + at);
        row(md, "service and embedded store hold 1M events in -Xmx1g",
                fmt(get(f, "memory.heap_used_mb")) + " MB heap used after GC with " + fmt(get(f, "store.events"))
                + " events, limit " + fmt(get(f, "memory.heap_max_mb")) + " MB",
                (get(f, "memory.heap_max_mb") <= 1100 ? "ran within the limit" : "heap limit above 1 GB: not this target's setting")
                + " at " + fmt(get(f, "store.events")) + " events");

        md.append("\n### All figures\n\n| figure | value | unit |\n|---|---:|---|\n");
        f.values().forEach(x -> md.append("| ").append(x.name()).append(" | ").append(fmt2(x.value())).append(" | ")
                                  .append(x.unit()).append(" |\n"));
        if (!benchmark.notes().isEmpty() || !benchmark.rejections().isEmpty()) {
            md.append("\n### Notes from the run\n\n");
            benchmark.notes().forEach(n -> md.append("- ").append(n).append('\n'));
            benchmark.rejections().forEach(n -> md.append("- rejected: ").append(n).append('\n'));
        }
        // The reading of the figures (limits, extrapolation) is prose kept beside the code, appended as is.
        Path analysis = Path.of(System.getProperty("bench.analysis", "analysis.md"));
        md.append(Files.exists(analysis) ? "\n" + Files.readString(analysis) : "");
        return md.toString();
    }

    private static double get(Map<String, Figure> figures, String name) {
        Figure figure = figures.get(name);
        return figure == null ? Double.NaN : figure.value();
    }

    private static void row(StringBuilder md, String target, String measured, String verdict) {
        md.append("| ").append(target).append(" | ").append(measured).append(" | ").append(verdict).append(" |\n");
    }

    private static String ratio(double ratio, double target, boolean atLeast) {
        boolean met = atLeast ? ratio >= target : ratio <= target;
        return String.format(Locale.ROOT, "%.2f× (target %s %.1f×): %s", ratio, atLeast ? "≥" : "≤", target,
                met ? "met" : "**missed**");
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String fmt2(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String memory() {
        try {
            String total = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D+", "");
            return String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(total) / 1024.0 / 1024.0);
        } catch (Exception e) {
            return "unknown";
        }
    }
}
