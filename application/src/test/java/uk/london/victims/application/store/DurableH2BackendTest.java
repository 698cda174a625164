package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * What is on disk when a write is acknowledged. A copy of the store's file taken at that moment is what
 * a process killed then would leave behind (the OS keeps what was written), so reopening the copy shows
 * what would survive {@code kill -9}.
 */
class DurableH2BackendTest {

    @TempDir
    Path directory;
    private EmbeddedMongoStore store;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        store = EmbeddedMongoStore.start(directory.resolve("live"), "127.0.0.1", 0);
        client = MongoClients.create(store.connectionString());
        database = client.getDatabase("victims");
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void everyWriteAcknowledgedByConcurrentWritersIsOnDisk() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        database.getCollection("events").insertOne(new Document("_id", writer * 1000 + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            writers.shutdown();
        }
        try (Survivor after = crashCopy()) {
            assertThat(after.database().getCollection("events").countDocuments()).isEqualTo(8 * 40);
        }
    }

    @Test
    void anInterimWriteIsOnDiskOnceALaterDurableWriteIsAcknowledged() throws Exception {
        database.getCollection("event_streams").withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(false))
                .insertOne(new Document("_id", "case-1/0"));
        database.getCollection("events").insertOne(new Document("_id", 1L));

        try (Survivor after = crashCopy()) {
            assertThat(after.database().getCollection("event_streams").countDocuments()).isEqualTo(1);
            assertThat(after.database().getCollection("events").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void anInterimWriteAloneIsNotWaitedFor() throws Exception {
        // The other half of the bargain: j:false reaches the backend, so reservations and claims do not
        // each cost a commit (if this fails, appends still work but pay three commits each).
        database.getCollection("events").insertOne(new Document("_id", 1L));
        database.getCollection("event_streams").withWriteConcern(WriteConcern.ACKNOWLEDGED.withJournal(false))
                .insertOne(new Document("_id", "case-1/0"));

        try (Survivor after = crashCopy()) {
            assertThat(after.database().getCollection("events").countDocuments()).isEqualTo(1);
            assertThat(after.database().getCollection("event_streams").countDocuments()).isZero();
        }
    }

    private Survivor crashCopy() throws IOException {
        Path copy = directory.resolve("after-crash");
        Files.createDirectories(copy);
        Files.copy(store.file(), copy.resolve(store.file().getFileName()));
        return new Survivor(EmbeddedMongoStore.start(copy, "127.0.0.1", 0));
    }

    private record Survivor(EmbeddedMongoStore store, MongoClient client) implements AutoCloseable {
        Survivor(EmbeddedMongoStore store) {
            this(store, MongoClients.create(store.connectionString()));
        }

        MongoDatabase database() {
            return client.getDatabase("victims");
        }

        @Override
        public void close() {
            client.close();
            store.close();
        }
    }
}
