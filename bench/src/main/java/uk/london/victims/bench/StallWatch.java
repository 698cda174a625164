package uk.london.victims.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;

/**
 * What could stall every processor at once during a phase: the embedded store's commits and housekeeping, and
 * the collector's pauses. Read from the service's own timers before and after the phase; the bench sets their
 * bucket bounds ({@link #SERVICE_ARGUMENTS}), so the counts of slow ones are exact, not estimated.
 */
final class StallWatch {

    /** Bounds, in ms, of the buckets counted: "how many took longer than". */
    static final long[] OVER_MS = {50, 100, 200, 500};

    /** Spring Boot arguments that give the timers watched here their buckets (cumulative in Prometheus's registry). */
    static final List<String> SERVICE_ARGUMENTS = List.of(
            "--management.metrics.distribution.slo.vjt.store=50ms,100ms,200ms,500ms",
            "--management.metrics.distribution.slo.jvm.gc.pause=50ms,100ms,200ms,500ms");

    /** Figure label, meter name; in the order the report lists them. */
    private static final List<Map.Entry<String, String>> WATCHED = List.of(
            Map.entry("store_commit", "vjt.store.commit"),
            Map.entry("store_durable_write", "vjt.store.durable-write"),
            Map.entry("store_housekeeping", "vjt.store.housekeeping"),
            Map.entry("gc_pause", "jvm.gc.pause"));

    private final MeterRegistry registry;
    private final Map<String, Totals> before;
    private final long startedNanos = System.nanoTime();
    private final long cpuBefore = processCpuNanos();

    private StallWatch(MeterRegistry registry) {
        this.registry = registry;
        this.before = totals();
    }

    static StallWatch start(MeterRegistry registry) {
        return new StallWatch(registry);
    }

    /** Per watched timer, over the phase: count, total ms, max ms, and how many took longer than each bound. */
    Map<String, Double> figures() {
        Map<String, Totals> after = totals();
        Map<String, Double> figures = new LinkedHashMap<>();
        // The service and the bench share the JVM: how busy its cores were, all threads together (1.0 = every core).
        figures.put("cpu_busy_share", (processCpuNanos() - cpuBefore)
                / ((double) (System.nanoTime() - startedNanos) * Runtime.getRuntime().availableProcessors()));
        after.forEach((name, now) -> {
            Totals then = before.getOrDefault(name, Totals.NONE);
            figures.put(name + ".count", (double) (now.count - then.count));
            figures.put(name + ".total_ms", now.totalMs - then.totalMs);
            // The largest single one over the phase, as far as the registry's window tells (it may include the
            // minute before the phase).
            figures.put(name + ".max_ms", now.maxMs);
            for (int i = 0; i < OVER_MS.length; i++) {
                figures.put(name + ".over_" + OVER_MS[i] + "ms", (double) (now.over[i] - then.over[i]));
            }
        });
        return figures;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private Map<String, Totals> totals() {
        Map<String, Totals> totals = new LinkedHashMap<>();
        for (Map.Entry<String, String> watched : WATCHED) {
            Collection<Timer> timers = registry.find(watched.getValue()).timers();
            if (timers.isEmpty()) {
                continue;
            }
            long count = 0;
            double totalMs = 0;
            double maxMs = 0;
            long[] over = new long[OVER_MS.length];
            for (Timer timer : timers) {
                HistogramSnapshot snapshot = timer.takeSnapshot();
                count += snapshot.count();
                totalMs += snapshot.total(TimeUnit.MILLISECONDS);
                maxMs = Math.max(maxMs, snapshot.max(TimeUnit.MILLISECONDS));
                for (int i = 0; i < OVER_MS.length; i++) {
                    over[i] += snapshot.count() - atMost(snapshot, OVER_MS[i]);
                }
            }
            totals.put(watched.getKey(), new Totals(count, totalMs, maxMs, over));
        }
        return totals;
    }

    /** The bucket's cumulative count for {@code ms}; all of them when the bucket is missing (nothing counted as slow). */
    private static long atMost(HistogramSnapshot snapshot, long ms) {
        for (CountAtBucket bucket : snapshot.histogramCounts()) {
            if (Math.round(bucket.bucket(TimeUnit.MILLISECONDS)) == ms) {
                return (long) bucket.count();
            }
        }
        return snapshot.count();
    }

    private record Totals(long count, double totalMs, double maxMs, long[] over) {
        static final Totals NONE = new Totals(0, 0, 0, new long[OVER_MS.length]);
    }
}
