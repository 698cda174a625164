package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

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

    @Test
    void durableWritesAndTheirCommitsAreTimedAndInterimWritesAreNotWaitedFor() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0,
                EmbeddedMongoStore.Tuning.forThisHeap(), registry);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("timers").getCollection("things");
            things.insertOne(new Document("_id", "first"));
            long durableWrites = registry.get("vjt.store.durable-write").timer().count();
            long commits = registry.get("vjt.store.commit").timer().count();

            things.insertOne(new Document("_id", "durable"));
            assertThat(registry.get("vjt.store.durable-write").timer().count()).isEqualTo(durableWrites + 1);
            assertThat(registry.get("vjt.store.commit").timer().count()).isEqualTo(commits + 1);

            things.withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(false)).insertOne(new Document("_id", "interim"));
            assertThat(registry.get("vjt.store.durable-write").timer().count()).isEqualTo(durableWrites + 1);
            assertThat(registry.get("vjt.store.commit").timer().count()).isEqualTo(commits + 1);
        }
    }

    @Test
    void eachWriteIsTimedByCommandAndCollection() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0,
                EmbeddedMongoStore.Tuning.forThisHeap(), registry);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> tokens = client.getDatabase("timers").getCollection("tokens");
            MongoCollection<Document> things = client.getDatabase("timers").getCollection("things");
            tokens.insertOne(new Document("_id", "a").append("n", 1));
            tokens.updateOne(new Document("_id", "a"), new Document("$set", new Document("n", 2)));
            tokens.updateOne(new Document("_id", "a"), new Document("$set", new Document("n", 3)));
            things.insertOne(new Document("_id", "b"));

            // Which collections' writes cost the store its time: the benchmark reads these per phase.
            assertThat(registry.get("vjt.store.write-apply").tags("command", "update", "collection", "tokens").timer().count()).isEqualTo(2);
            assertThat(registry.get("vjt.store.write-apply").tags("command", "insert", "collection", "tokens").timer().count()).isEqualTo(1);
            assertThat(registry.get("vjt.store.write-apply").tags("command", "insert", "collection", "things").timer().count()).isEqualTo(1);
        }
    }

    @Test
    void housekeepingRunsAtTheTunedIntervalAndEachRunIsTimed() throws InterruptedException {
        MeterRegistry registry = new SimpleMeterRegistry();
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
