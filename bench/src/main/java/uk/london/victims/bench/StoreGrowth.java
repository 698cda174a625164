package uk.london.victims.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.RawBsonDocument;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import uk.london.victims.application.store.EmbeddedMongoStore;

/**
 * The embedded store alone, under the event store's write pattern (ADR 0003/0014): per event a position
 * reserved and a stream claimed (interim writes), a commit document written durably, and the case's
 * timeline document replaced (growing). Prints, as it goes, writes per second and the store file's size
 * against the live documents' BSON size: how the file grows with history, without the service's other
 * costs. {@code java -cp … uk.london.victims.bench.StoreGrowth EVENTS [THREADS]}.
 */
public final class StoreGrowth {

    private StoreGrowth() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 50_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path data = Files.createTempDirectory("vjt-store-growth-");
        String payload = "{\"caseId\":\"%s\",\"crimeReference\":\"CRIS-1/26\",\"offence\":\"ROBBERY\",\"borough\":\"HACKNEY\","
                         + "\"occurredAt\":\"2026-03-01T21:00:00Z\",\"notes\":\"" + "x".repeat(200) + "\"}";
        EmbeddedMongoStore.Tuning d = EmbeddedMongoStore.Tuning.forThisHeap();
        // Each setting overridable (-Dstore.retentionMs=… etc.) to compare configurations.
        EmbeddedMongoStore.Tuning tuning = new EmbeddedMongoStore.Tuning(Integer.getInteger("store.cacheMb", d.cacheMb()),
                Integer.getInteger("store.retentionMs", d.retentionMs()), Integer.getInteger("store.keysPerPage", d.keysPerPage()),
                Integer.getInteger("store.compactBelowPercent", d.compactBelowPercent()),
                Integer.getInteger("store.compactBytesPerRun", d.compactBytesPerRun()),
                Integer.getInteger("store.shrinkBelowPercent", d.shrinkBelowPercent()),
                Integer.getInteger("store.workerThreads", d.workerThreads()),
                Integer.getInteger("store.housekeepingEveryMs", d.housekeepingEveryMs()));
        System.out.println("store-growth: " + tuning);
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0, tuning);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase db = client.getDatabase("growth");
            WriteConcern interim = WriteConcern.ACKNOWLEDGED.withJournal(false);
            MongoCollection<Document> sequence = db.getCollection("event_sequence").withWriteConcern(interim);
            MongoCollection<Document> streams = db.getCollection("event_streams").withWriteConcern(interim);
            MongoCollection<Document> commits = db.getCollection("events");
            MongoCollection<Document> timelines = db.getCollection("case_timelines");
            sequence.insertOne(new Document("_id", "global").append("value", 0L));
            Map<String, Integer> liveTimelineBytes = new ConcurrentHashMap<>();
            AtomicLong liveOtherBytes = new AtomicLong();
            AtomicLong done = new AtomicLong();
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    String caseId = null;
                    List<Document> timeline = new ArrayList<>();
                    while (done.get() < events) {
                        if (caseId == null || timeline.size() >= 20) {
                            caseId = UUID.randomUUID().toString();
                            timeline = new ArrayList<>();
                        }
                        long position = sequence.findOneAndUpdate(new Document("_id", "global"), Updates.inc("value", 1L),
                                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)).getLong("value");
                        Document claim = new Document("_id", caseId + "/" + timeline.size()).append("commit", position);
                        streams.insertOne(claim);
                        Document commit = new Document("_id", position).append("n", 1).append("events", List.of(
                                new Document("aggregateId", caseId).append("seq", (long) timeline.size())
                                        .append("type", "uk.london.victims.domain.cases.CrimeRecordedEvent").append("revision", "1")
                                        .append("payload", payload.formatted(caseId)).append("metadata", "{\"userId\":\"officer-1\"}")));
                        commits.insertOne(commit);
                        timeline.add(new Document("at", position).append("type", "CrimeRecorded").append("text", "x".repeat(200)));
                        Document doc = new Document("_id", caseId).append("version", timeline.size()).append("entries", timeline);
                        timelines.replaceOne(new Document("_id", caseId), doc, new ReplaceOptions().upsert(true));
                        liveTimelineBytes.put(caseId, size(doc));
                        liveOtherBytes.addAndGet(size(claim) + size(commit));
                        long n = done.incrementAndGet();
                        if (n % 10_000 == 0) {
                            report(store, n, started, liveOtherBytes.get() + sum(liveTimelineBytes));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            report(store, done.get(), started, liveOtherBytes.get() + sum(liveTimelineBytes));
            System.out.println("store-growth: " + store.statistics());
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long sum(Map<String, Integer> sizes) {
        return sizes.values().stream().mapToLong(Integer::longValue).sum();
    }

    private static int size(Document document) {
        return RawBsonDocument.parse(document.toJson()).getByteBuffer().remaining();
    }

    private static synchronized void report(EmbeddedMongoStore store, long events, long started, long liveBytes) {
        try {
            double seconds = (System.nanoTime() - started) / 1e9;
            long file = Files.size(store.file());
            System.out.printf("store-growth: %,d events in %.1f s (%,.0f events/s); file %,.1f MB; live BSON %,.1f MB; file/live %.2f; %,.0f file bytes per event%n",
                    events, seconds, events / seconds, file / 1e6, liveBytes / 1e6, file / (double) liveBytes, file / (double) events);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
