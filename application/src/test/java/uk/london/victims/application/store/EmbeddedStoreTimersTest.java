package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What can stall every writer at once is timed (ADR 0045): each group commit, each durable write's wait for its
 * commit, each housekeeping step. The benchmark reads these to say why projections lagged; operators see them in
 * {@code /actuator/prometheus}.
 */
class EmbeddedStoreTimersTest {

    @TempDir
    Path data;

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void durableWritesAndTheirCommitsAreTimedAndInterimWritesAreNotWaitedFor() {
        onStore(database -> {
            MongoCollection<Document> things = database.getCollection("things");
            things.insertOne(new Document("_id", "first"));
            long durableWrites = registry.get("vjt.store.durable-write").timer().count();
            long commits = registry.get("vjt.store.commit").timer().count();

            things.insertOne(new Document("_id", "durable"));
            assertThat(registry.get("vjt.store.durable-write").timer().count()).isEqualTo(durableWrites + 1);
            assertThat(registry.get("vjt.store.commit").timer().count()).isEqualTo(commits + 1);

            things.withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(false)).insertOne(new Document("_id", "interim"));
            assertThat(registry.get("vjt.store.durable-write").timer().count()).isEqualTo(durableWrites + 1);
            assertThat(registry.get("vjt.store.commit").timer().count()).isEqualTo(commits + 1);
        });
    }

    @Test
    void eachWriteIsTimedByCommandAndCollection() {
        onStore(database -> {
            MongoCollection<Document> tokens = database.getCollection("tokens");
            tokens.insertOne(new Document("_id", "a").append("n", 1));
            tokens.updateOne(new Document("_id", "a"), new Document("$set", new Document("n", 2)));
            tokens.updateOne(new Document("_id", "a"), new Document("$set", new Document("n", 3)));
            database.getCollection("things").insertOne(new Document("_id", "b"));

            // Which collections' writes cost the store its time: the benchmark reads these per phase.
            assertThat(applied("update", "tokens")).isEqualTo(2);
            assertThat(applied("insert", "tokens")).isEqualTo(1);
            assertThat(applied("insert", "things")).isEqualTo(1);
        });
    }

    @Test
    void collectionsPastTheBoundShareOneTimerSoThatMetersStayBounded() {
        onStore(database -> {
            for (int i = 0; i < DurableH2Backend.TIMED_COLLECTIONS_AT_MOST + 5; i++) {
                database.getCollection("made-by-a-client-" + i).insertOne(new Document("_id", i));
            }
            assertThat(registry.find("vjt.store.write-apply").tag("command", "insert").timers())
                    .hasSize(DurableH2Backend.TIMED_COLLECTIONS_AT_MOST + 1);
            assertThat(applied("insert", "(others)")).isEqualTo(5);
        });
    }

    private long applied(String command, String collection) {
        return registry.get("vjt.store.write-apply").tags("command", command, "collection", collection).timer().count();
    }

    /** Runs {@code writes} on a store started with this test's registry and default tuning, then closes it. */
    private void onStore(Consumer<MongoDatabase> writes) {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0, EmbeddedMongoStore.Tuning.forThisHeap(), registry);
             MongoClient client = MongoClients.create(store.connectionString())) {
            writes.accept(client.getDatabase("timers"));
        }
    }

    @Test
    void housekeepingRunsAtTheTunedIntervalAndEachRunIsTimed() throws InterruptedException {
        EmbeddedMongoStore.Tuning everyFiftyMs = EmbeddedMongoStore.Tuning.forThisHeap().withHousekeeping(1 << 20, 50);
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0, everyFiftyMs, registry)) {
            // At a second's pause 3 s would see 3 runs at most; at 50 ms, up to 60 (asked loosely: a busy machine).
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (rewriteRuns(registry) < 10 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(rewriteRuns(registry)).isGreaterThanOrEqualTo(10);
            assertThat(store.statistics()).isNotEmpty();
        }
    }

    private static long rewriteRuns(MeterRegistry registry) {
        return registry.get("vjt.store.housekeeping").tag("step", "rewrite").timer().count();
    }
}
