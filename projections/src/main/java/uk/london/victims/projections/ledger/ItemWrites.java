package uk.london.victims.projections.ledger;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * Small documents of one item each (a work list's outstanding obligation, an open deadline), put and removed
 * over a processor's batch and written once each when its last event has been handled. An item belongs to
 * one case, so only the segment handling that case writes it; putting and removing are idempotent, and
 * within a batch the last change of an item wins, as if each event had written it in turn. Unlike a shared
 * document that gathers a day's items, an item costs the same to write however many others there are.
 */
final class ItemWrites {

    /** Marks an item to remove. */
    private static final Document REMOVE = new Document();

    private final MongoCollection<Document> collection;
    private final String resourceKey;

    ItemWrites(MongoCollection<Document> collection) {
        this.collection = collection;
        this.resourceKey = ItemWrites.class.getName() + "/" + collection.getNamespace().getFullName();
    }

    void put(String id, Document item) {
        change(id, item);
    }

    void remove(String id) {
        change(id, REMOVE);
    }

    /** Writes the batch's changes if the event being handled is its last; handlers call it on every path. */
    void endOfEvent() {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch
            && batch.isLastMessage()) {
            Map<String, Document> pending = batch.getResource(resourceKey);
            if (pending != null) {
                flush(pending);
            }
        }
    }

    private void change(String id, Document item) {
        Map<String, Document> pending = pending();
        if (pending == null) {
            flush(new LinkedHashMap<>(Map.of(id, item)));
            return;
        }
        pending.put(id, item);
    }

    private Map<String, Document> pending() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            return null;
        }
        return batch.getOrComputeResource(resourceKey, key -> {
            Map<String, Document> pending = new LinkedHashMap<>();
            batch.onPrepareCommit(u -> flush(pending));
            return pending;
        });
    }

    private void flush(Map<String, Document> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(pending.size());
        pending.forEach((id, item) -> writes.add(item == REMOVE ? new DeleteOneModel<>(eq("_id", id))
                : new ReplaceOneModel<>(eq("_id", id), item, new ReplaceOptions().upsert(true))));
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        pending.clear();
    }
}
