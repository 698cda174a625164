package uk.london.victims.projections.support;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;

/**
 * Update operators ({@code $addToSet}, {@code $min}, …) on documents that events of many cases share, sent
 * in one bulk write when a streaming processor's batch has handled its last event, like {@link BatchDocuments}.
 * Unlike a read-and-replace, an operator is atomic on the store, so segments handled in parallel (each a
 * different set of cases) can change the same document without losing each other's changes; an idempotent
 * operator also makes a redelivered event harmless. Outside a batch every update is written at once.
 */
public final class BatchUpdates {

    private final MongoCollection<Document> collection;
    private final String resourceKey;

    public BatchUpdates(MongoCollection<Document> collection) {
        this.collection = collection;
        this.resourceKey = BatchUpdates.class.getName() + "/" + collection.getNamespace().getFullName();
    }

    /** Upserts with the given update: at once outside a batch, else with the batch's write. */
    public void upsert(Bson filter, Bson update) {
        UpdateOneModel<Document> model = new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(true));
        List<WriteModel<Document>> pending = pending();
        if (pending == null) {
            collection.bulkWrite(List.of(model));
        } else {
            pending.add(model);
        }
    }

    /** Writes the batch's updates if the event being handled is its last; handlers call this on every path. */
    public void endOfEvent() {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch
            && batch.isLastMessage()) {
            List<WriteModel<Document>> pending = batch.getResource(resourceKey);
            if (pending != null) {
                flush(pending);
            }
        }
    }

    private List<WriteModel<Document>> pending() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            return null;
        }
        return batch.getOrComputeResource(resourceKey, key -> {
            List<WriteModel<Document>> pending = new ArrayList<>();
            batch.onPrepareCommit(u -> flush(pending));
            return pending;
        });
    }

    private void flush(List<WriteModel<Document>> pending) {
        if (pending.isEmpty()) {
            return;
        }
        collection.bulkWrite(new ArrayList<>(pending), new BulkWriteOptions().ordered(false));
        pending.clear();
    }
}
