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
 * Updates to documents that several cases share (counters, lists), collected over a processor's batch and
 * sent as one ordered bulk write when its last event has been handled, as {@link BatchDocuments} does for
 * whole documents. Being updates rather than replacements, they are safe when other segments or instances
 * change the same documents meanwhile; ordered, a failure stops the rest and the batch is retried.
 */
public final class BatchWrites {

    private final MongoCollection<Document> collection;
    private final String resourceKey;

    public BatchWrites(MongoCollection<Document> collection) {
        this.collection = collection;
        this.resourceKey = BatchWrites.class.getName() + "/" + collection.getNamespace().getFullName();
    }

    /** At once outside a batch, else with the batch's write. */
    public void add(List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> pending = pending();
        if (pending == null) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        } else {
            pending.addAll(writes);
        }
    }

    /** One upsert with an update operator (e.g. {@code $addToSet}): at once outside a batch, else with the batch's write. */
    public void upsert(Bson filter, Bson update) {
        add(List.of(new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(true))));
    }

    /** Writes the batch's updates if the event being handled is its last; handlers call it on every path. */
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
        collection.bulkWrite(new ArrayList<>(pending), new BulkWriteOptions().ordered(true));
        pending.clear();
    }
}
