package uk.london.victims.web.history;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@code java -jar web-….jar import FILE [--threads=16] [--restart] [--catch-up] [--vjt.…=…]}: loads a file
 * of historical journeys into the store the service would use (same settings: {@code VJT_STORE_URI}, or
 * the embedded store in {@code VJT_STORE_DATA_DIRECTORY}, which the service must not have open meanwhile). The read models' processors stay paused while lines are applied; they catch
 * up from the event store when the service next starts, or before this command ends with {@code --catch-up}.
 */
public final class ImportCli {

    private ImportCli() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && "import".equals(args[0]);
    }

    /** Runs the import; the process's exit status: 0 all lines imported, 2 some rejected, 1 it could not run. */
    public static int run(String[] args, Class<?> application) {
        PrintStream out = System.out;
        if (args.length < 2 || args[1].startsWith("--")) {
            out.println("usage: java -jar web.jar import FILE [--threads=16] [--restart] [--catch-up] [--vjt.store.data-directory=…]");
            return 1;
        }
        Path file = Path.of(args[1]);
        if (!Files.isReadable(file)) {
            out.println("import: cannot read " + file);
            return 1;
        }
        HistoryImport.Options options = HistoryImport.Options.defaults();
        boolean catchUp = false;
        // The service's own context, so every rule and setting is the same; its HTTP server listens only on a
        // random loopback port (the web beans need one), and nothing is served there meanwhile.
        List<String> springArgs = new ArrayList<>(List.of("--vjt.demo-data=false", "--logging.level.root=WARN",
                "--server.port=0", "--server.address=127.0.0.1"));
        for (int i = 2; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--threads=")) {
                options = new HistoryImport.Options(Integer.parseInt(arg.substring(10)), options.chunkLines(), options.restart(), 0);
            } else if (arg.equals("--restart")) {
                options = options.withRestart(true);
            } else if (arg.equals("--catch-up")) {
                catchUp = true;
            } else {
                springArgs.add(arg);
            }
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(application).run(springArgs.toArray(String[]::new));
        try {
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            List<EventProcessor> paused = pauseProcessors(processing);
            HistoryImport.Summary summary;
            try (TerminalProgress progress = new TerminalProgress()) {
                summary = app.getBean(HistoryImport.class).run(file, options, progress);
            }
            print(summary, file, out);
            if (catchUp) {
                long started = System.nanoTime();
                out.println("Read models catching up from the event store …");
                paused.forEach(EventProcessor::start);
                awaitCaughtUp(paused);
                out.printf(Locale.ROOT, "Read models caught up in %.1f s%n", (System.nanoTime() - started) / 1e9);
            } else {
                out.println("Read models catch up from the event store when the service next starts (or run again with --catch-up).");
            }
            return summary.rejected() > 0 ? 2 : 0;
        } catch (Exception e) {
            out.println("import: stopped: " + e.getMessage() + " — run the same command again to resume from the checkpoint");
            return 1;
        } finally {
            app.close();
        }
    }

    /** Stops every streaming processor (their tokens stay where they are) and answers them to restart later. */
    public static List<EventProcessor> pauseProcessors(EventProcessingConfiguration processing) {
        List<EventProcessor> processors = List.copyOf(processing.eventProcessors().values());
        CompletableFuture.allOf(processors.stream().map(EventProcessor::shutdownAsync).toArray(CompletableFuture[]::new)).join();
        return processors;
    }

    /** Waits until every pooled processor has claimed its segments and reached the head of the stream. */
    public static void awaitCaughtUp(List<EventProcessor> processors) throws InterruptedException {
        while (true) {
            boolean caughtUp = true;
            for (EventProcessor processor : processors) {
                if (processor instanceof PooledStreamingEventProcessor pooled) {
                    var status = pooled.processingStatus();
                    caughtUp &= !status.isEmpty() && status.values().stream().allMatch(s -> s.isCaughtUp());
                }
            }
            if (caughtUp) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    static void print(HistoryImport.Summary summary, Path file, PrintStream out) {
        out.printf(Locale.ROOT, "Imported %s: %,d lines; %,d applied, %,d already in the store, %,d rejected%n",
                file.getFileName(), summary.lines(), summary.imported(), summary.alreadyImported(), summary.rejected());
        out.printf(Locale.ROOT, "This run: %,d events in %.1f s (%,.0f events/s)%s%n", summary.events(),
                summary.took().toNanos() / 1e9, summary.eventsPerSecond(),
                summary.resumedAfterLine() > 0 ? ", resumed after line " + summary.resumedAfterLine() : "");
        if (!summary.rejections().isEmpty()) {
            out.println("Rejected lines by reason (this run):");
            summary.rejectionsByReason().forEach((reason, count) -> out.printf(Locale.ROOT, "  %-32s %,d%n", reason, count));
            out.println("First rejected lines:");
            summary.rejections().stream().limit(20).forEach(r -> out.printf(Locale.ROOT, "  line %d (case %s, id %s): %s%n",
                    r.line(), r.caseId(), r.lineId(), r.reason()));
        }
        if (summary.rejected() > 0) {
            out.println("Every rejected line, with its reason: " + file.resolveSibling(file.getFileName() + ".rejected.ndjson"));
        }
    }

    /** A progress bar on the terminal: lines settled of all, their rate and ETA, and events per second. */
    public static final class TerminalProgress implements HistoryImport.Progress, AutoCloseable {
        private ProgressBar bar;
        private long started;

        @Override
        public synchronized void started(long totalLines, long resumedAfterLine) {
            started = System.nanoTime();
            bar = new ProgressBarBuilder().setTaskName("Import").setInitialMax(totalLines).setUnit(" lines", 1)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed(new DecimalFormat("#,##0")).setSpeedUnit(ChronoUnit.SECONDS)
                    .setUpdateIntervalMillis(500).startsFrom(resumedAfterLine, Duration.ZERO).build();
        }

        @Override
        public synchronized void advanced(long settledLines, long events) {
            if (bar != null) {
                bar.stepTo(Math.max(bar.getCurrent(), settledLines));
                double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                bar.setExtraMessage(String.format(Locale.ROOT, " · %,.0f events/s", events / seconds));
            }
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
