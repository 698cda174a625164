package uk.london.victims.projections.support;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * A projection's documents for one batch of events (a streaming processor's unit of work): read once —
 * all the batch's documents in one {@code _id $in} query — changed in memory, and written once, in one
 * bulk write, when the batch's last event has been handled. Replay and catch-up then cost two store
 * round trips per batch instead of two per event.
 *
 * <p>The write happens inside the last event's handler, not at commit: the processor stores its token in
 * the unit of work's prepare-commit step, registered before any handler runs, and a token must never be
 * stored ahead of the documents it vouches for. Outside a batch (a subscribing processor, a test calling a
 * handler directly) every save is written at once, as before.
 *
 * @param <K> what identifies a document in the events ({@code _id} of the document)
 */
public final class BatchDocuments<K> {

    /** Marks a document to remove. */
    private static final Document DELETED = new Document();

    private final MongoCollection<Document> collection;
    private final Function<EventMessage<?>, K> idOf;
    private final String resourceKey;

    /**
     * @param idOf the {@code _id} of the document an event changes, or null for events this projection
     *             ignores; used to read the whole batch's documents up front
     */
    public BatchDocuments(MongoCollection<Document> collection, Function<EventMessage<?>, K> idOf) {
        this.collection = collection;
        this.idOf = idOf;
        this.resourceKey = BatchDocuments.class.getName() + "/" + collection.getNamespace().getFullName();
    }

    /** The document as this batch last left it (or as stored), or null when there is none. */
    public Document find(K id) {
        Pending pending = pending();
        if (pending == null) {
            return collection.find(eq("_id", id)).first();
        }
        pending.materialise(id);
        if (!pending.documents.containsKey(id)) {
            pending.documents.put(id, collection.find(eq("_id", id)).first());
        }
        return pending.documents.get(id);
    }

    /** Replaces (or inserts) the document: at once outside a batch, else with the batch's write. */
    public void save(K id, Document document) {
        Pending pending = pending();
        if (pending == null) {
            collection.replaceOne(eq("_id", id), document, new ReplaceOptions().upsert(true));
            return;
        }
        pending.deferred.remove(id);
        pending.documents.put(id, document);
        pending.changed.put(id, document);
    }

    /** Removes the document: at once outside a batch, else with the batch's write. */
    public void delete(K id) {
        Pending pending = pending();
        if (pending == null) {
            collection.deleteOne(eq("_id", id));
            return;
        }
        pending.deferred.remove(id);
        pending.documents.put(id, null);
        pending.changed.put(id, DELETED);
    }

    /**
     * As {@link #save(Object, Document)}, but the document is built only when it is read or written: a case
     * whose next event in the same batch replaces it again is then never built in between.
     */
    public void save(K id, Supplier<Document> document) {
        Pending pending = pending();
        if (pending == null) {
            save(id, document.get());
            return;
        }
        pending.deferred.put(id, document);
    }

    /**
     * Writes what the batch changed if the event being handled is the batch's last. Handlers call this
     * last, on every path, including the events they ignore.
     */
    public void endOfEvent() {
        ProcessorBatch.atLastEvent(resourceKey, this::flush);
    }

    private Pending pending() {
        // A batch whose last event never reached a handler (none in it is ours) still writes, at commit,
        // though then after the token: the next delivery of those events is skipped by version.
        return ProcessorBatch.resource(resourceKey, batch -> {
            Pending pending = new Pending();
            prefetch(batch, pending);
            return pending;
        }, this::flush);
    }

    private void prefetch(BatchingUnitOfWork<?> batch, Pending pending) {
        List<K> ids = new ArrayList<>();
        for (Object message : batch.getMessages()) {
            K id = message instanceof EventMessage<?> event ? idOf.apply(event) : null;
            if (id != null && !pending.documents.containsKey(id)) {
                pending.documents.put(id, null);
                ids.add(id);
            }
        }
        if (!ids.isEmpty()) {
            for (Document document : collection.find(in("_id", ids))) {
                @SuppressWarnings("unchecked")
                K id = (K) document.get("_id");
                pending.documents.put(id, document);
            }
        }
    }

    private void flush(Pending pending) {
        new ArrayList<>(pending.deferred.keySet()).forEach(pending::materialise);
        if (pending.changed.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(pending.changed.size());
        pending.changed.forEach((id, document) -> writes.add(document == DELETED ? new DeleteOneModel<>(eq("_id", id))
                : new ReplaceOneModel<>(eq("_id", id), document, new ReplaceOptions().upsert(true))));
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        pending.changed.clear();
    }

    /** Documents read or written in this batch (null: known to be absent), and those still to be written. */
    private final class Pending {
        final Map<K, Document> documents = new HashMap<>();
        final Map<K, Document> changed = new LinkedHashMap<>();
        /** Saved, not yet built. */
        final Map<K, Supplier<Document>> deferred = new LinkedHashMap<>();

        void materialise(K id) {
            Supplier<Document> document = deferred.remove(id);
            if (document != null) {
                Document built = document.get();
                documents.put(id, built);
                changed.put(id, built);
            }
        }
    }
}
