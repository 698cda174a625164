package uk.london.victims.projections.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
        Pending pending = pending();
        if (pending == null) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        } else {
            writes.forEach(write -> pending.writes.add(() -> write));
        }
    }

    /**
     * As {@link #upsert}, but replacing the batch's earlier update under the same key, in its place, and made only
     * when the batch is written: for an update that makes a whole value again, such as a case's summary after each
     * of its events.
     */
    public void upsertLatest(Object key, Bson filter, Supplier<Bson> update) {
        Supplier<WriteModel<Document>> write = () -> new UpdateOneModel<>(filter, update.get(), new UpdateOptions().upsert(true));
        Pending pending = pending();
        if (pending == null) {
            add(List.of(write.get()));
            return;
        }
        Integer earlier = pending.positions.putIfAbsent(key, pending.writes.size());
        if (earlier == null) {
            pending.writes.add(write);
        } else {
            pending.writes.set(earlier, write);
        }
    }

    /** One upsert with an update operator (e.g. {@code $addToSet}): at once outside a batch, else with the batch's write. */
    public void upsert(Bson filter, Bson update) {
        add(List.of(new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(true))));
    }

    /** Writes the batch's updates if the event being handled is its last; handlers call it on every path. */
    public void endOfEvent() {
        ProcessorBatch.atLastEvent(resourceKey, this::flush);
    }

    private Pending pending() {
        return ProcessorBatch.resource(resourceKey, batch -> new Pending(), this::flush);
    }

    private void flush(Pending pending) {
        if (pending.writes.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(pending.writes.size());
        pending.writes.forEach(write -> writes.add(write.get()));
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        pending.writes.clear();
        pending.positions.clear();
    }

    /** The batch's writes in order (a keyed one made when written), and where each keyed one stands among them. */
    private static final class Pending {
        final List<Supplier<WriteModel<Document>>> writes = new ArrayList<>();
        final Map<Object, Integer> positions = new HashMap<>();
    }
}
