package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** Documents and unique keys stored as BSON (ADR 0024) read back exactly, keep uniqueness, and old stores convert. */
class BsonH2BackendTest {

    @TempDir
    Path directory;

    private static Document everyKind(Object id) {
        return new Document("_id", id).append("text", "Hackney – “quoted”").append("int", 7).append("long", 1L << 40)
                .append("double", 2.5).append("bool", true).append("null", null).append("date", new Date(1_764_000_000_000L))
                .append("binary", new Binary(new byte[] {1, 2, 3, (byte) 0xff})).append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("decimal", Decimal128.parse("12.345"))
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3.0))).append("empty", new Document()));
    }

    @Test
    void everyKindOfValueReadsBackAfterARestart() {
        Path data = directory.resolve("data");
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("victims").getCollection("things");
            collection.insertOne(everyKind("a"));
            collection.insertOne(everyKind(42L));
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("victims").getCollection("things");
            assertThat(collection.find(new Document("_id", "a")).first()).isEqualTo(everyKind("a"));
            assertThat(collection.find(new Document("_id", 42L)).first()).isEqualTo(everyKind(42L));
            assertThat(collection.find(new Document("_id", new Document("$in", List.of("a", 42L)))).into(new ArrayList<>())).hasSize(2);
        }
    }

    @Test
    void uniqueKeysStayUniqueAcrossARestartAndCompareAsMongoDbDoes() {
        Path data = directory.resolve("data");
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("victims").getCollection("cases");
            cases.createIndex(Indexes.ascending("reference", "force"), new IndexOptions().unique(true));
            cases.insertOne(new Document("_id", 1).append("reference", "CRIS-1").append("force", "MPS"));
            cases.insertOne(new Document("_id", 2).append("reference", "CRIS-1").append("force", "BTP"));
            // 1, 1L and 1.0 are one key to MongoDB.
            assertThatThrownBy(() -> cases.insertOne(new Document("_id", 1.0))).isInstanceOf(MongoWriteException.class);
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("victims").getCollection("cases");
            assertThatThrownBy(() -> cases.insertOne(new Document("_id", 3).append("reference", "CRIS-1").append("force", "MPS")))
                    .isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> cases.insertOne(new Document("_id", 2L))).isInstanceOf(MongoWriteException.class);
            cases.insertOne(new Document("_id", 3).append("reference", "CRIS-2").append("force", "MPS"));
            assertThat(cases.countDocuments()).isEqualTo(3);
            assertThat(cases.find(new Document("_id", 2)).first()).containsEntry("force", "BTP");
        }
    }

    @Test
    void aStoreWrittenByTheUpstreamBackendIsConvertedAndKeepsEverything() throws Exception {
        Path data = directory.resolve("data");
        Files.createDirectories(data);
        MVStore upstream = MVStore.open(data.resolve("store.mv.db").toString());
        MongoServer server = new MongoServer(new H2Backend(upstream));
        try (MongoClient client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> cases = client.getDatabase("victims").getCollection("cases");
            cases.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                cases.insertOne(everyKind("case-" + i).append("reference", "CRIS-" + i));
            }
        } finally {
            server.shutdownNow();
            upstream.close();
        }

        for (int start = 0; start < 2; start++) {
            try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, "127.0.0.1", 0);
                 MongoClient client = MongoClients.create(store.connectionString())) {
                MongoCollection<Document> cases = client.getDatabase("victims").getCollection("cases");
                assertThat(cases.countDocuments()).isEqualTo(500 + start);
                assertThat(cases.find(new Document("_id", "case-123")).first()).isEqualTo(everyKind("case-123").append("reference", "CRIS-123"));
                assertThatThrownBy(() -> cases.insertOne(new Document("_id", "other").append("reference", "CRIS-7")))
                        .isInstanceOf(MongoWriteException.class);
                cases.insertOne(new Document("_id", "new-" + start).append("reference", "NEW-" + start));
            }
        }
    }

    @Test
    void aFilterThatPinsOneIdIsServedByTheIdIndexWithTheWholeFilterStillApplied() {
        assertThat(BsonH2Backend.pinnedId(new de.bwaldvogel.mongo.bson.Document("_id", "b").append("v", 1))).isEqualTo("b");
        assertThat(BsonH2Backend.pinnedId(new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$eq", 7L)),
                new de.bwaldvogel.mongo.bson.Document("v", 1))))).isEqualTo(7L);
        assertThat(BsonH2Backend.pinnedId(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", "b"))))).isNull();
        assertThat(BsonH2Backend.pinnedId(new de.bwaldvogel.mongo.bson.Document("$or", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "a"), new de.bwaldvogel.mongo.bson.Document("_id", "b"))))).isNull();

        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(directory.resolve("data"), "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> figures = client.getDatabase("victims").getCollection("figures");
            for (int i = 0; i < 50; i++) {
                figures.insertOne(new Document("_id", "day-" + i).append("version", 3).append("count", 0));
            }
            // The ledger's guarded counter update: applied when the guard holds, not when it does not.
            var guarded = Filters.and(Filters.eq("_id", "day-7"), Filters.lt("version", 4));
            assertThat(figures.updateOne(guarded, Updates.combine(Updates.inc("count", 1), Updates.set("version", 4)))
                    .getModifiedCount()).isEqualTo(1);
            assertThat(figures.updateOne(guarded, Updates.inc("count", 1)).getModifiedCount()).isZero();
            assertThat(figures.find(Filters.eq("_id", "day-7")).first()).isEqualTo(new Document("_id", "day-7").append("version", 4).append("count", 1));
            assertThat(figures.countDocuments(Filters.gt("count", 0))).isEqualTo(1);
            // An id that is not there matches nothing, whatever else the filter says; a delete touches only its document.
            assertThat(figures.find(Filters.and(Filters.eq("_id", "day-99"), Filters.exists("count"))).first()).isNull();
            assertThat(figures.deleteOne(Filters.and(Filters.eq("_id", "day-8"), Filters.eq("version", 3))).getDeletedCount()).isEqualTo(1);
            assertThat(figures.deleteOne(Filters.and(Filters.eq("_id", "day-9"), Filters.eq("version", 9))).getDeletedCount()).isZero();
            assertThat(figures.countDocuments()).isEqualTo(49);
        }
    }

    @Test
    void aRangeOfStringIdsIsWalkedInOrderThroughTheIdIndexAndAnswersAsAScanWould() {
        var range = BsonH2Backend.IdRange.of(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gte", "b").append("$lt", "d")));
        assertThat(range).isEqualTo(new BsonH2Backend.IdRange("b", true, "d", false));
        assertThat(BsonH2Backend.IdRange.of(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$lt", "d")))).as("no lower bound").isNull();
        assertThat(BsonH2Backend.IdRange.of(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gt", 4)))).as("not a string").isNull();
        assertThat(BsonH2Backend.IdRange.of(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gt", "a").append("$ne", "b")))).as("another operator, matched afterwards")
                .isEqualTo(new BsonH2Backend.IdRange("a", false, null, false));
        // The driver's Filters.and sends each bound apart; nested conditions narrow the range to the tightest bounds.
        assertThat(BsonH2Backend.IdRange.of(new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$gte", "b")),
                new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$lt", "d")),
                new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                        new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$gt", "b")),
                        new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$lte", "e")))),
                new de.bwaldvogel.mongo.bson.Document("open", true)))))
                .isEqualTo(new BsonH2Backend.IdRange("b", false, "d", false));

        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(directory.resolve("data"), "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> items = client.getDatabase("victims").getCollection("items");
            // Inserted out of order, with ids of other types that MongoDB orders before and after strings.
            List<String> ids = new ArrayList<>(List.of("POLICE|East|2026-01-02|c1", "POLICE|East|2026-01-01|c2", "POLICE|East|~|c3",
                    "POLICE|East}", "POLICE|Ea", "POLICE|East|2026-01-01|c1", "CPS|East|2026-01-01|c1", "POLICE|West|2026-01-01|c1"));
            ids.forEach(id -> items.insertOne(new Document("_id", id).append("open", !id.endsWith("c2"))));
            items.insertOne(new Document("_id", 17).append("open", true));
            items.insertOne(new Document("_id", new ObjectId()).append("open", true));

            var unit = Filters.and(Filters.gte("_id", "POLICE|East|"), Filters.lt("_id", "POLICE|East}"));
            assertThat(items.find(unit).map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly(
                    "POLICE|East|2026-01-01|c1", "POLICE|East|2026-01-01|c2", "POLICE|East|2026-01-02|c1", "POLICE|East|~|c3");
            // The rest of the filter still applies; a limit stops at the first matches in order; paging resumes after the last.
            assertThat(items.find(Filters.and(unit, Filters.eq("open", true))).sort(new Document("_id", 1)).limit(2)
                    .map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("POLICE|East|2026-01-01|c1", "POLICE|East|2026-01-02|c1");
            assertThat(items.find(Filters.and(Filters.gt("_id", "POLICE|East|2026-01-02|c1"), Filters.lt("_id", "POLICE|East}")))
                    .map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("POLICE|East|~|c3");
            // Bounds included or not, an open upper end, and a descending sort (left to upstream) agree with a plain scan.
            Map<org.bson.conversions.Bson, Predicate<String>> filters = Map.of(
                    Filters.and(Filters.gt("_id", "POLICE|East|2026-01-01|c1"), Filters.lte("_id", "POLICE|East}")),
                    id -> id.compareTo("POLICE|East|2026-01-01|c1") > 0 && id.compareTo("POLICE|East}") <= 0,
                    Filters.gte("_id", "POLICE|"), id -> id.compareTo("POLICE|") >= 0,
                    Filters.gt("_id", "POLICE|West|2026-01-01|c1"), id -> id.compareTo("POLICE|West|2026-01-01|c1") > 0,
                    Filters.gte("_id", "Z"), id -> id.compareTo("Z") >= 0);
            filters.forEach((filter, holds) -> {
                List<String> scanned = new ArrayList<>(ids.stream().filter(holds).sorted().toList());
                assertThat(items.find(filter).map(d -> d.getString("_id")).into(new ArrayList<>())).as(filter.toString())
                        .containsExactlyElementsOf(scanned);
                Collections.reverse(scanned);
                assertThat(items.find(filter).sort(new Document("_id", -1)).map(d -> d.getString("_id")).into(new ArrayList<>()))
                        .containsExactlyElementsOf(scanned);
            });
            // Changing a document returned by a range read leaves the stored one alone.
            items.updateOne(Filters.and(unit, Filters.eq("_id", "POLICE|East|~|c3")), Updates.set("open", false));
            assertThat(items.find(Filters.eq("_id", "POLICE|East|~|c3")).first().getBoolean("open")).isFalse();
            assertThat(items.countDocuments(Filters.and(unit, Filters.eq("open", false)))).isEqualTo(2);
        }
    }

    /**
     * The replacement path skips upstream's copies (see {@code CopyingCollection.updateDocuments}): the same writes
     * give the same answers, errors, documents, indexes and data size as upstream's H2 backend.
     */
    @Test
    void aReplacementByIdAnswersAndStoresExactlyAsUpstreamDoes() {
        List<List<Object>> answers = onBoth(client -> {
            MongoCollection<Document> figures = client.getDatabase("victims").getCollection("figures");
            figures.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true));
            figures.insertOne(new Document("_id", "day-1").append("reference", "R1").append("counted", 3).append("cells", new Document("ALL", 1)));
            figures.insertOne(new Document("_id", "day-2").append("reference", "R2").append("counted", 1));
            figures.insertOne(new Document("_id", 7).append("reference", "R7"));
            List<Object> answer = new ArrayList<>();
            List<java.util.function.Supplier<Object>> writes = List.of(
                    // The figures' compare-and-set: replaced while the count is as read, not after.
                    () -> figures.replaceOne(Filters.and(Filters.eq("_id", "day-1"), Filters.eq("counted", 3)),
                            new Document("reference", "R1b").append("counted", 5).append("cells", new Document("ALL", 2).append("BCU", List.of(1, 2)))),
                    () -> figures.replaceOne(Filters.and(Filters.eq("_id", "day-1"), Filters.eq("counted", 3)), new Document("counted", 9)),
                    // The same document again: matched, not modified. With its own _id first or last.
                    () -> figures.replaceOne(Filters.eq("_id", "day-1"), new Document("_id", "day-1").append("reference", "R1b")
                            .append("counted", 5).append("cells", new Document("ALL", 2).append("BCU", List.of(1, 2)))),
                    () -> figures.replaceOne(Filters.eq("_id", "day-2"), new Document("counted", 2).append("_id", "day-2")),
                    // A unique key another document holds, a changed _id, an _id of another type that MongoDB counts equal.
                    () -> figures.replaceOne(Filters.eq("_id", "day-2"), new Document("reference", "R7")),
                    () -> figures.replaceOne(Filters.eq("_id", "day-2"), new Document("_id", "day-3")),
                    () -> figures.replaceOne(Filters.eq("_id", 7L), new Document("_id", 7).append("reference", "R7b")),
                    // Upserts: of a document not there (inserted), and of one there (replaced).
                    () -> figures.replaceOne(Filters.eq("_id", "day-4"), new Document("reference", "R4"), new com.mongodb.client.model.ReplaceOptions().upsert(true)),
                    () -> figures.bulkWrite(List.of(
                            new com.mongodb.client.model.ReplaceOneModel<>(Filters.eq("_id", "day-4"), new Document("reference", "R4b"),
                                    new com.mongodb.client.model.ReplaceOptions().upsert(true)),
                            new com.mongodb.client.model.ReplaceOneModel<>(Filters.eq("_id", "day-9"), new Document("reference", "R9"))))
                            .getModifiedCount(),
                    () -> figures.replaceOne(Filters.eq("_id", "day-1"), new Document("counted", 6)));
            for (var write : writes) {
                try {
                    Object result = write.get();
                    answer.add(result instanceof com.mongodb.client.result.UpdateResult u
                            ? List.of(u.getMatchedCount(), u.getModifiedCount(), String.valueOf(u.getUpsertedId())) : result);
                } catch (MongoWriteException e) {
                    answer.add(e.getError().getCode());
                }
            }
            answer.add(figures.find().sort(new Document("reference", 1)).into(new ArrayList<>()));
            // The unique index follows the replacements: a freed key can be taken, a held one cannot.
            answer.add(figures.find(Filters.eq("reference", "R1b")).into(new ArrayList<>()));
            figures.insertOne(new Document("_id", "day-5").append("reference", "R1"));
            answer.add(catchCode(() -> figures.insertOne(new Document("_id", "day-6").append("reference", "R4b"))));
            answer.add(client.getDatabase("victims").runCommand(new Document("collStats", "figures")).get("size"));
            return answer;
        });
        assertThat(answers.get(0)).isEqualTo(answers.get(1));
        assertThat(answers.get(0).get(0)).isEqualTo(List.of(1L, 1L, "null"));
        assertThat(answers.get(0).get(1)).isEqualTo(List.of(0L, 0L, "null"));
    }

    /**
     * A filter of {@code _id $in} plain values is answered from the {@code _id} index without matching each document
     * against the list (see {@code BsonH2Backend.onlyListedIds}): the same answers as upstream's H2 backend, for ids of
     * every kind, numbers MongoDB counts equal, repeats, ids not there, sorts, skips, limits and projections.
     */
    @Test
    void aListOfIdsAnswersExactlyAsUpstreamDoes() {
        assertThat(BsonH2Backend.onlyListedIds(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", 1L))))).isTrue();
        assertThat(BsonH2Backend.onlyListedIds(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", java.util.Arrays.asList("a", null))))).isFalse();
        assertThat(BsonH2Backend.onlyListedIds(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a"))).append("v", 1))).isFalse();
        List<List<Object>> answers = onBoth(client -> {
            MongoCollection<Document> things = client.getDatabase("victims").getCollection("things");
            things.insertMany(List.of(new Document("_id", "a").append("v", 3), new Document("_id", "b").append("v", 1),
                    new Document("_id", 1L).append("v", 2), new Document("_id", 2.5).append("v", 5),
                    new Document("_id", new ObjectId("65a1b2c3d4e5f60718293a4b")).append("v", 4),
                    new Document("_id", new Document("k", 1)).append("v", 6)));
            List<Object> answer = new ArrayList<>();
            List<List<Object>> lists = List.of(List.of("b", "a", "zz"), List.of(1, 2.5, "a", "a"), List.of(1.0, 2L),
                    List.of(new ObjectId("65a1b2c3d4e5f60718293a4b"), "b"), List.of(), List.of("a", "b", 1L, 2.5));
            for (List<Object> ids : lists) {
                answer.add(things.find(Filters.in("_id", ids)).into(new ArrayList<>()));
                answer.add(things.find(Filters.in("_id", ids)).sort(new Document("v", -1)).skip(1).limit(2).into(new ArrayList<>()));
                answer.add(things.find(Filters.in("_id", ids)).projection(new Document("v", 0)).sort(new Document("_id", 1)).into(new ArrayList<>()));
                answer.add(things.find(Filters.and(Filters.in("_id", ids), Filters.gt("v", 1))).sort(new Document("v", 1)).into(new ArrayList<>()));
            }
            // The documents found are those the updates and deletes see too.
            answer.add(things.updateMany(Filters.in("_id", List.of("a", 1)), Updates.inc("v", 10)).getModifiedCount());
            answer.add(things.deleteMany(Filters.in("_id", List.of("b", 2.5, "zz"))).getDeletedCount());
            answer.add(things.find().sort(new Document("v", 1)).into(new ArrayList<>()));
            return answer;
        });
        assertThat(answers.get(0)).isEqualTo(answers.get(1));
        assertThat(answers.get(0).get(0)).asList().hasSize(2);
    }

    /**
     * A {@code find} is answered with the stored documents themselves, uncopied (see {@code CopyingCollection}); that
     * is safe only while every write changes a copy. So a document a find answered never changes afterwards, whether
     * the write is an operator update, a findAndModify or a replacement, and the writes still take effect.
     */
    @Test
    void aDocumentAFindAnsweredIsNeverChangedByALaterWrite() {
        MVStore mvStore = new MVStore.Builder().open();
        BsonH2Backend backend = new BsonH2Backend(mvStore);
        io.netty.channel.Channel channel = new io.netty.channel.embedded.EmbeddedChannel();
        try {
            backend.handleCommand(channel, "victims", "insert", command("insert", "things").append("documents", List.of(
                    new de.bwaldvogel.mongo.bson.Document("_id", "a").append("n", 1)
                            .append("nested", new de.bwaldvogel.mongo.bson.Document("v", 1)))));
            List<de.bwaldvogel.mongo.bson.Document> answers = new ArrayList<>();
            List<Runnable> writes = List.of(
                    () -> backend.handleCommand(channel, "victims", "update", command("update", "things").append("updates", List.of(
                            new de.bwaldvogel.mongo.bson.Document("q", new de.bwaldvogel.mongo.bson.Document("_id", "a"))
                                    .append("u", new de.bwaldvogel.mongo.bson.Document("$set",
                                            new de.bwaldvogel.mongo.bson.Document("nested.v", 2)))))),
                    () -> backend.handleCommand(channel, "victims", "findAndModify", command("findAndModify", "things")
                            .append("query", new de.bwaldvogel.mongo.bson.Document("_id", "a"))
                            .append("update", new de.bwaldvogel.mongo.bson.Document("$inc", new de.bwaldvogel.mongo.bson.Document("n", 1)))),
                    () -> backend.handleCommand(channel, "victims", "update", command("update", "things").append("updates", List.of(
                            new de.bwaldvogel.mongo.bson.Document("q", new de.bwaldvogel.mongo.bson.Document("_id", "a"))
                                    .append("u", new de.bwaldvogel.mongo.bson.Document("n", 9))))));
            List<String> asAnswered = new ArrayList<>();
            answers.add(findA(backend, channel));
            asAnswered.add(answers.get(0).toString());
            for (Runnable write : writes) {
                write.run();
                answers.add(findA(backend, channel));
                asAnswered.add(answers.get(answers.size() - 1).toString());
            }
            assertThat(answers).extracting(Object::toString).isEqualTo(asAnswered);
            assertThat(answers.get(1).get("nested")).isEqualTo(new de.bwaldvogel.mongo.bson.Document("v", 2));
            assertThat(answers.get(2).get("n")).isEqualTo(2);
            assertThat(answers.get(3)).isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", "a").append("n", 9));
        } finally {
            backend.close();
            mvStore.close();
        }
    }

    private static de.bwaldvogel.mongo.bson.Document command(String name, String collection) {
        return new de.bwaldvogel.mongo.bson.Document(name, collection).append("$db", "victims");
    }

    private static de.bwaldvogel.mongo.bson.Document findA(BsonH2Backend backend, io.netty.channel.Channel channel) {
        de.bwaldvogel.mongo.bson.Document reply = backend.handleCommand(channel, "victims", "find", command("find", "things")
                .append("filter", new de.bwaldvogel.mongo.bson.Document("_id", "a")));
        @SuppressWarnings("unchecked")
        List<de.bwaldvogel.mongo.bson.Document> batch = (List<de.bwaldvogel.mongo.bson.Document>)
                ((de.bwaldvogel.mongo.bson.Document) reply.get("cursor")).get("firstBatch");
        return batch.get(0);
    }

    /** The answers of one scenario on this store and on upstream's own H2 backend, in that order. */
    private List<List<Object>> onBoth(java.util.function.Function<MongoClient, List<Object>> scenario) {
        MVStore upstreamStore = new MVStore.Builder().open();
        MongoServer upstream = new MongoServer(new H2Backend(upstreamStore));
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(directory.resolve("data"), "127.0.0.1", 0);
             MongoClient ours = MongoClients.create(store.connectionString());
             MongoClient theirs = MongoClients.create("mongodb://" + upstream.bind().getHostString() + ":" + upstream.getLocalAddress().getPort())) {
            return List.of(scenario.apply(ours), scenario.apply(theirs));
        } finally {
            upstream.shutdownNow();
            upstreamStore.close();
        }
    }

    private static Object catchCode(Runnable write) {
        try {
            write.run();
            return "written";
        } catch (MongoWriteException e) {
            return e.getError().getCode();
        }
    }
}
