package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * Writes sent with {@code j: false} (the read models', ADR 0054) are not waited for, and may come with no durable write
 * to carry them for a long time (a replay, a catch-up while no command arrives, an idle hour). The store then commits
 * them itself, soon, in chunks small enough for a housekeeping step to rewrite, so the file keeps following its live
 * data.
 */
class UnawaitedWritesChunksTest {

    private static final int CASES = 4_000;

    @TempDir
    Path directory;

    /** A timeline-like document of about 2.5 kB. */
    private static Document timeline(int caseNumber) {
        return new Document("_id", "case-" + caseNumber).append("steps", IntStream.range(0, 40)
                .mapToObj(s -> new Document("type", "VictimInformed").append("at", "2026-01-01T00:00:00Z").append("n", s))
                .toList());
    }

    @Test
    void writesNotWaitedForReachTheFileInChunksHousekeepingCanRewrite() throws Exception {
        EmbeddedMongoStore.Tuning tuning = EmbeddedMongoStore.Tuning.forThisHeap();
        Path crashed = directory.resolve("crashed");
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(directory.resolve("live"), "127.0.0.1", 0, tuning);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> timelines = client.getDatabase("victims").getCollection("case_timelines")
                    .withWriteConcern(StoreProperties.NOT_AWAITED);
            for (int c = 0; c < CASES; c++) {
                timelines.insertOne(timeline(c));
            }
            // About 10 MB, and not one durable write: only the store's own commits put them on disk.
            assertThat(store.chunkLengths()).as("chunk lengths").isNotEmpty()
                    .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo((long) tuning.compactBytesPerRun()));

            // What kill -9 now would leave: all but the last megabyte or so.
            Files.createDirectories(crashed);
            Files.copy(store.file(), crashed.resolve(store.file().getFileName()));
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(crashed, "127.0.0.1", 0, tuning);
             MongoClient client = MongoClients.create(store.connectionString())) {
            assertThat(client.getDatabase("victims").getCollection("case_timelines").countDocuments())
                    .isGreaterThan(CASES * 9L / 10);
        }
    }

    /**
     * Fewer writes than MVStore's own commit waits for, and no durable write after them: the store's committer
     * still puts them on disk soon, so a process that stays idle after them does not keep them only in memory.
     * 42 of these documents are past the committer's threshold and short of MVStore's (tried: 20 reach neither,
     * 60 reach both).
     */
    @Test
    void aFewWritesNotWaitedForAreCommittedSoonWithNoDurableWriteAfterThem() throws Exception {
        EmbeddedMongoStore.Tuning tuning = EmbeddedMongoStore.Tuning.forThisHeap();
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(directory.resolve("live"), "127.0.0.1", 0, tuning);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> timelines = client.getDatabase("victims").getCollection("case_timelines")
                    .withWriteConcern(StoreProperties.NOT_AWAITED);
            for (int c = 0; c < 42; c++) {
                timelines.insertOne(timeline(c));
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Path crashed = Files.createTempDirectory(directory, "crashed");
                Files.copy(store.file(), crashed.resolve(store.file().getFileName()));
                try (EmbeddedMongoStore copy = EmbeddedMongoStore.start(crashed, "127.0.0.1", 0, tuning);
                     MongoClient reader = MongoClients.create(copy.connectionString())) {
                    assertThat(reader.getDatabase("victims").getCollection("case_timelines").countDocuments()).isPositive();
                }
            });
        }
    }
}
