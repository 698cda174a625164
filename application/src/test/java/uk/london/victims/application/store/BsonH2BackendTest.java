package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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
}
