package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The embedded store's housekeeping (ADR 0024): freed space is reused at once and the file shrinks to
 * follow the live data, without losing anything acknowledged, and a long read is never cut short by it.
 */
class EmbeddedStoreCompactionTest {

    /** No retention at all: only the versions pinned by running commands protect a read. */
    private static final EmbeddedMongoStore.Tuning EAGER = new EmbeddedMongoStore.Tuning(16, 0, 16, 50, 8 << 20, 60, 8, 1_000);
    private static final int CASES = 300;
    private static final int REWRITES = 30;

    @TempDir
    Path directory;

    private static Document timeline(int caseNumber, int version) {
        return new Document("_id", "case-" + caseNumber).append("version", version).append("text", "x".repeat(400 + version));
    }

    @Test
    void aCompactedStoreHoldsEveryLatestDocumentAfterACrashAndAfterARestart() throws Exception {
        Path data = directory.resolve("live");
        long beforeCompaction;
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0, EAGER);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> timelines = client.getDatabase("victims").getCollection("case_timelines");
            for (int version = 0; version < REWRITES; version++) {
                for (int c = 0; c < CASES; c++) {
                    timelines.replaceOne(new Document("_id", "case-" + c), timeline(c, version), new ReplaceOptions().upsert(true));
                }
            }
            beforeCompaction = Files.size(store.file());
            for (int run = 0; run < 20; run++) {
                store.compact();
                timelines.insertOne(new Document("_id", "marker-" + run));  // a commit frees what was rewritten
            }
            long live = 0;
            for (RawBsonDocument document : client.getDatabase("victims").getCollection("case_timelines", RawBsonDocument.class).find()) {
                live += document.getByteBuffer().remaining();
            }
            // Without reuse and compaction the file held every rewrite: 30 times the live documents and more.
            assertThat(Files.size(store.file())).as("file after compaction").isLessThan(beforeCompaction).isLessThan(live * 6);

            // What kill -9 now would leave: the file as it is at this moment.
            Path crashed = directory.resolve("crashed");
            Files.createDirectories(crashed);
            Files.copy(store.file(), crashed.resolve(store.file().getFileName()));
            assertEveryLatestDocument(crashed);
        }
        assertEveryLatestDocument(data);
    }

    private static void assertEveryLatestDocument(Path data) {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0, EAGER);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> timelines = client.getDatabase("victims").getCollection("case_timelines");
            for (int c = 0; c < CASES; c++) {
                assertThat(timelines.find(new Document("_id", "case-" + c)).first()).isEqualTo(timeline(c, REWRITES - 1));
            }
            assertThat(timelines.countDocuments()).isEqualTo(CASES + 20);
        }
    }

    @Test
    void aFullScanUnderRewritesAndCompactionSeesEveryDocument() throws Exception {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(directory.resolve("scan"), "127.0.0.1", 0, EAGER);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> timelines = client.getDatabase("victims").getCollection("case_timelines");
            for (int c = 0; c < 3_000; c++) {
                timelines.insertOne(timeline(c, 0));
            }
            AtomicBoolean scanning = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    int writer = w;
                    done.add(writers.submit(() -> {
                        for (int version = 1; scanning.get(); version++) {
                            for (int c = writer; c < 3_000 && scanning.get(); c += 2) {
                                timelines.replaceOne(new Document("_id", "case-" + c), timeline(c, version));
                            }
                        }
                        return null;
                    }));
                }
                done.add(writers.submit(() -> {
                    while (scanning.get()) {
                        store.compact();
                    }
                    return null;
                }));
                // Every scan sees every document, while writers rewrite them and chunks are freed and reused.
                for (int scan = 0; scan < 10; scan++) {
                    assertThat(timelines.find().batchSize(100).into(new ArrayList<>())).hasSize(3_000);
                }
                scanning.set(false);
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                scanning.set(false);
                writers.shutdownNow();
            }
        }
    }
}
