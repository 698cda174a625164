package uk.london.victims.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class BatchDocumentsTest {

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> collection;
    private BatchDocuments<String> documents;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        collection = client.getDatabase("t").getCollection("counts");
        documents = new BatchDocuments<>(collection, m -> (String) m.getPayload());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchReadsAndChangesDocumentsInMemoryAndWritesThemWhenItsLastEventIsHandled() {
        collection.insertOne(new Document("_id", "B").append("count", 10));
        List<Long> storedWhileHandling = new ArrayList<>();

        BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(List.of(event("A"), event("B"), event("A")));
        batch.executeWithResult(() -> {
            storedWhileHandling.add(collection.countDocuments());
            countEvent();
            return null;
        });

        // Before the last event nothing new was stored; afterwards both, with every event counted.
        assertThat(storedWhileHandling).containsExactly(1L, 1L, 1L);
        assertThat(collection.find(new Document("_id", "A")).first().getInteger("count")).isEqualTo(2);
        assertThat(collection.find(new Document("_id", "B")).first().getInteger("count")).isEqualTo(11);
    }

    @Test
    void aDeleteInABatchWinsOverAnEarlierSaveAndASaveAfterItWinsOverTheDelete() {
        collection.insertOne(new Document("_id", "A").append("count", 10));
        collection.insertOne(new Document("_id", "B").append("count", 10));
        BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(List.of(event("A"), event("B")));
        batch.executeWithResult(() -> {
            if ("A".equals(CurrentUnitOfWork.get().getMessage().getPayload())) {
                documents.save("A", new Document("_id", "A").append("count", 11));
                documents.delete("A");
                documents.delete("B");
                documents.save("B", () -> new Document("_id", "B").append("count", 12));
                assertThat(documents.find("A")).isNull();
            }
            documents.endOfEvent();
            return null;
        });

        assertThat(collection.find(new Document("_id", "A")).first()).isNull();
        assertThat(collection.find(new Document("_id", "B")).first().getInteger("count")).isEqualTo(12);
        // Outside a batch the delete is at once.
        documents.delete("B");
        assertThat(collection.countDocuments()).isZero();
    }

    @Test
    void aDeferredSaveIsBuiltOnlyWhenReadOrWrittenAndNotAtAllWhenReplacedFirst() {
        List<String> built = new ArrayList<>();
        BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(List.of(event("A"), event("A"), event("B")));
        batch.executeWithResult(() -> {
            String id = (String) CurrentUnitOfWork.get().getMessage().getPayload();
            int n = batch.getMessages().indexOf(CurrentUnitOfWork.get().getMessage());
            if (n == 1) {
                // The second A reads what the first deferred: built now, once.
                assertThat(documents.find("A").getInteger("count")).isEqualTo(1);
            }
            int count = n == 1 ? 2 : 1;
            documents.save(id, () -> {
                built.add(id + count);
                return new Document("_id", id).append("count", count);
            });
            documents.endOfEvent();
            return null;
        });

        assertThat(built).containsExactly("A1", "A2", "B1");
        assertThat(collection.find(new Document("_id", "A")).first().getInteger("count")).isEqualTo(2);
        assertThat(collection.find(new Document("_id", "B")).first().getInteger("count")).isEqualTo(1);

        List<String> replaced = new ArrayList<>();
        new BatchingUnitOfWork<>(List.of(event("C"), event("C"))).executeWithResult(() -> {
            documents.save("C", () -> {
                replaced.add("built");
                return new Document("_id", "C").append("count", 0);
            });
            documents.save("C", new Document("_id", "C").append("count", 5));
            documents.endOfEvent();
            return null;
        });
        assertThat(replaced).isEmpty();
        assertThat(collection.find(new Document("_id", "C")).first().getInteger("count")).isEqualTo(5);
    }

    @Test
    void outsideABatchEverySaveIsWrittenAtOnce() {
        countEvent("A");
        countEvent("A");

        assertThat(collection.find(new Document("_id", "A")).first().getInteger("count")).isEqualTo(2);
    }

    /** What a projection's handler does: read, change, save, and end the event. */
    private void countEvent() {
        countEvent((String) CurrentUnitOfWork.get().getMessage().getPayload());
    }

    private void countEvent(String id) {
        Document document = documents.find(id);
        int count = document == null ? 0 : document.getInteger("count");
        documents.save(id, new Document("_id", id).append("count", count + 1));
        documents.endOfEvent();
    }

    private static EventMessage<String> event(String id) {
        return GenericEventMessage.asEventMessage(id);
    }
}
