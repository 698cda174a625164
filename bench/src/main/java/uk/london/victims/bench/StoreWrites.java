package uk.london.victims.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The embedded store's writes over a phase, by collection: how many, and how long they took to apply under its write
 * lock (the service's {@code vjt.store.write-apply} timers). Which read models' documents cost the store its time, where
 * the CPU per event only says that the store's threads spent it.
 */
final class StoreWrites {

    private final MeterRegistry registry;
    private final Map<String, double[]> before;

    private StoreWrites(MeterRegistry registry) {
        this.registry = registry;
        this.before = totals();
    }

    static StoreWrites start(MeterRegistry registry) {
        return new StoreWrites(registry);
    }

    /** Since the start, per collection: {writes, ms applying}. */
    Map<String, double[]> byCollection() {
        Map<String, double[]> since = new TreeMap<>();
        totals().forEach((collection, now) -> {
            double[] then = before.getOrDefault(collection, new double[2]);
            since.put(collection, new double[] {now[0] - then[0], now[1] - then[1]});
        });
        return since;
    }

    private Map<String, double[]> totals() {
        Map<String, double[]> totals = new TreeMap<>();
        for (Timer timer : registry.find("vjt.store.write-apply").timers()) {
            double[] sum = totals.computeIfAbsent(timer.getId().getTag("collection"), c -> new double[2]);
            sum[0] += timer.count();
            sum[1] += timer.totalTime(TimeUnit.MILLISECONDS);
        }
        return totals;
    }
}
