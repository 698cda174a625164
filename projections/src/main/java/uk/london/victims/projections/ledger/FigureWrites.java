package uk.london.victims.projections.ledger;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;

import uk.london.victims.projections.support.ProcessorBatch;

/**
 * The figures' changes of a processor batch, applied in memory to each day×BCU document it touches and
 * written back whole, once per batch (issue 14, ADR 0035). The embedded store applies an update operator
 * field by field, walking the dotted path of each counter, and a figure change is one counter per status,
 * minute and deadline of every cell: that walk was the largest single cost of a replay. A replacement is
 * one write of the document, whatever changed in it.
 *
 * <p>A case's change is counted by {@link BucketFigures#apply}, which skips a case version already counted
 * (delivery is at least once). Other segments and instances count other cases in the same documents, so a
 * replacement is a compare-and-set: it is written only if the document still holds what was read, told by
 * its {@code counted} field (the sum over its cases of version + 1, which grows with every change counted
 * and so never comes back to a value it had). A writer that finds it changed reads it again and re-applies
 * its changes; nothing is lost and nothing counted twice. A batch's buckets go in one bulk write.
 */
final class FigureWrites {

    /** In a figure document: the sum over its cases of version + 1 (see the class comment). */
    static final String COUNTED = "counted";

    private final MongoCollection<Document> collection;
    private final String resourceKey;
    private final boolean buckets;

    /** One event's change of one bucket: what it adds to each cell, and when it was recorded. */
    private record Counted(String caseId, long version, Map<CellKey, Cell> delta, Instant recordedAt) {
    }

    /**
     * @param buckets whether the documents are the buckets' own figures (each noting from when its history was
     *                kept), else their {@link FigureHistory} documents
     */
    FigureWrites(MongoCollection<Document> collection, boolean buckets) {
        this.collection = collection;
        this.buckets = buckets;
        this.resourceKey = FigureWrites.class.getName() + "/" + collection.getNamespace().getFullName();
    }

    /**
     * Counts one event's change of a bucket in one of its documents (the bucket's own, or one of its history): at once
     * outside a processor batch, else with the batch's other changes.
     */
    void add(String document, String caseId, long version, Map<CellKey, Cell> delta, Instant recordedAt) {
        Map<String, List<Counted>> batch = batch();
        boolean alone = batch == null;
        if (alone) {
            batch = new LinkedHashMap<>();
        }
        batch.computeIfAbsent(document, b -> new ArrayList<>()).add(new Counted(caseId, version, delta, recordedAt));
        if (alone) {
            flush(batch);
        }
    }

    /** Writes the batch's changes if the event being handled is its last; handlers call it on every path. */
    void endOfEvent() {
        ProcessorBatch.<Map<String, List<Counted>>>atLastEvent(resourceKey, this::flush);
    }

    private Map<String, List<Counted>> batch() {
        return ProcessorBatch.resource(resourceKey, unit -> new LinkedHashMap<>(), this::flush);
    }

    /**
     * Reads the batch's buckets, applies their changes and writes them back in one unordered bulk write: one
     * round trip and, on the embedded store, one commit, however many buckets the batch touched. When fewer
     * writes took than were sent (another writer came between), every bucket of the pass is read and applied
     * again: applying skips what a bucket already counts, so the buckets whose writes took change nothing.
     */
    private void flush(Map<String, List<Counted>> batch) {
        Set<String> left = new LinkedHashSet<>(batch.keySet());
        while (!left.isEmpty()) {
            Map<String, Document> stored = new HashMap<>();
            for (Document document : collection.find(in("_id", new ArrayList<>(left)))) {
                stored.put(document.getString("_id"), document);
            }
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (String bucket : left) {
                WriteModel<Document> write = write(bucket, stored.get(bucket), batch.get(bucket));
                if (write != null) {
                    writes.add(write);
                }
            }
            if (writes.isEmpty() || allTook(writes)) {
                break;
            }
        }
        batch.clear();
    }

    /** The write of a bucket's changes applied to the document as read, or null when they change nothing. */
    private WriteModel<Document> write(String bucket, Document stored, List<Counted> changes) {
        BucketFigures figures = stored == null ? new BucketFigures(bucket, FigureHistory.bucketOf(bucket)) : BucketFigures.forUpdate(stored);
        if (buckets) {
            figures.keepHistory(stored == null);
        }
        boolean changed = false;
        for (Counted c : changes) {
            changed |= figures.apply(c.caseId(), c.version(), c.delta(), c.recordedAt());
        }
        if (!changed) {
            return null;
        }
        Document next = BucketFigures.toDocument(figures).append(COUNTED, counted(figures));
        if (stored == null) {
            return new InsertOneModel<>(next);
        }
        Number was = stored.get(COUNTED, Number.class);
        // A document written by $inc updates before ADR 0035 has no count yet: the first replacement gives it one.
        Bson unchanged = was == null ? exists(COUNTED, false) : eq(COUNTED, was.longValue());
        return new ReplaceOneModel<>(and(eq("_id", bucket), unchanged), next);
    }

    /** Whether every write took: each insert inserted (none beaten by another's) and each replacement matched. */
    private boolean allTook(List<WriteModel<Document>> writes) {
        BulkWriteResult result;
        try {
            result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            return false;
        }
        return result.getInsertedCount() + result.getMatchedCount() == writes.size();
    }

    static long counted(BucketFigures figures) {
        return figures.members.values().stream().mapToLong(v -> v + 1).sum();
    }
}
