package uk.london.victims.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import uk.london.victims.application.store.EmbeddedMongoStore;

/**
 * The embedded store's housekeeping on a store someone already filled (a copy of a kept benchmark store), under a
 * light durable write load: how fast the file follows the live data, and how long its steps and the commits beside
 * them take (ADR 0046). Housekeeping needs commits to write what it rewrote, so one writer inserts small documents at
 * the lag phase's rate. Prints the store's fill rates and file size as it goes, then the timers.
 * {@code java -cp … uk.london.victims.bench.HousekeepingCatchUp DIR MINUTES [WRITES_PER_SECOND]}. The store in DIR
 * is changed: point it at a copy.
 */
public final class HousekeepingCatchUp {

    private HousekeepingCatchUp() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long minutes = Long.parseLong(args[1]);
        int perSecond = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        long started = System.nanoTime();
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0, EmbeddedMongoStore.Tuning.forThisHeap(), registry);
             MongoClient client = MongoClients.create(store.connectionString())) {
            System.out.printf("housekeeping-catch-up: opened in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            print(store, 0);
            MongoCollection<Document> scratch = client.getDatabase("housekeeping_catch_up").getCollection("writes");
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
            long nextPrint = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long pause = TimeUnit.SECONDS.toNanos(1) / perSecond;
            long next = System.nanoTime();
            for (long i = 0; System.nanoTime() < end; i++) {
                scratch.insertOne(new Document("n", i).append("at", System.currentTimeMillis()));
                next += pause;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (System.nanoTime() > nextPrint) {
                    print(store, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
                    nextPrint += TimeUnit.SECONDS.toNanos(30);
                }
            }
            print(store, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
            for (String name : new String[] {"vjt.store.housekeeping", "vjt.store.commit", "vjt.store.durable-write"}) {
                for (Timer timer : registry.find(name).timers()) {
                    System.out.printf("%s %s: count %d, total %.1f s, mean %.1f ms, max %.0f ms%n", name, timer.getId().getTags(),
                            timer.count(), timer.totalTime(TimeUnit.SECONDS), timer.mean(TimeUnit.MILLISECONDS),
                            timer.max(TimeUnit.MILLISECONDS));
                }
            }
        }
    }

    private static void print(EmbeddedMongoStore store, long seconds) throws Exception {
        Map<String, String> info = store.statistics();
        System.out.printf("t=%4d s  file %6d MB  fill %s%%  chunks fill %s%%  chunks %s%n", seconds,
                Files.size(store.file()) >> 20, info.get("info.FILL_RATE"), info.get("info.CHUNKS_FILL_RATE"),
                info.get("info.CHUNK_COUNT"));
    }
}
