package uk.london.victims.projections.ledger;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * Fields set and removed in documents that many cases share (a work list, a due hour), gathered over a
 * processor's batch and written as one update per document: a document changed by twenty events of a
 * batch is rewritten once, not forty times ({@code $pull} and {@code $push} of list entries, as before,
 * could not share one update). Setting and removing a field are idempotent and touch only that field, so
 * other segments and instances writing other fields of the same document meanwhile lose nothing; within a
 * batch the last change of a field wins, as if each event had written it in turn.
 */
final class FieldWrites {

    /** Marks a field to remove. */
    private static final Object UNSET = new Object();

    private final MongoCollection<Document> collection;
    private final String resourceKey;

    FieldWrites(MongoCollection<Document> collection) {
        this.collection = collection;
        this.resourceKey = FieldWrites.class.getName() + "/" + collection.getNamespace().getFullName();
    }

    /**
     * A field name for a value that may hold what MongoDB reserves in field names ({@code .}, a leading
     * {@code $}), escaped reversibly.
     */
    static String name(String value) {
        return value.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    void set(String id, String field, Object value) {
        change(id, field, value);
    }

    void unset(String id, String field) {
        change(id, field, UNSET);
    }

    /** Writes the batch's changes if the event being handled is its last; handlers call it on every path. */
    void endOfEvent() {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch
            && batch.isLastMessage()) {
            Map<String, Map<String, Object>> pending = batch.getResource(resourceKey);
            if (pending != null) {
                flush(pending);
            }
        }
    }

    private void change(String id, String field, Object value) {
        Map<String, Map<String, Object>> pending = pending();
        if (pending == null) {
            flush(new LinkedHashMap<>(Map.of(id, Map.of(field, value))));
            return;
        }
        pending.computeIfAbsent(id, d -> new LinkedHashMap<>()).put(field, value);
    }

    private Map<String, Map<String, Object>> pending() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            return null;
        }
        return batch.getOrComputeResource(resourceKey, key -> {
            Map<String, Map<String, Object>> pending = new LinkedHashMap<>();
            batch.onPrepareCommit(u -> flush(pending));
            return pending;
        });
    }

    private void flush(Map<String, Map<String, Object>> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(pending.size());
        pending.forEach((id, fields) -> {
            List<Bson> updates = new ArrayList<>(fields.size());
            fields.forEach((field, value) -> updates.add(value == UNSET ? Updates.unset(field) : Updates.set(field, value)));
            writes.add(new UpdateOneModel<>(eq("_id", id), Updates.combine(updates), new UpdateOptions().upsert(true)));
        });
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        pending.clear();
    }
}
