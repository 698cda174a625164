package uk.london.victims.projections.ledger;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import uk.london.victims.projections.review.ReviewDimension;

/**
 * The figures' changes of a processor batch, summed in memory per day×BCU document it touches (a bucket's
 * own, or one of its history) and written once per batch (issue 14, ADR 0035, ADR 0043). The embedded store
 * applies an update operator field by field, walking the dotted path of each counter, and a figure change is
 * one counter per status, minute and deadline of every cell: that walk was the largest single cost of a
 * replay. So a batch writes each group's change as one binary delta pushed onto the document's pending list,
 * and every so often the whole document with its deltas merged into its cells.
 *
 * <p>A case's change is counted by {@link BucketFigures#apply}, which skips a case version already counted
 * (delivery is at least once). Other segments and instances count other cases in the same documents, so a
 * write is a compare-and-set: it is written only if the document still holds what was read, told by
 * its {@code counted} field (the sum over its cases of version + 1, which grows with every change counted
 * and so never comes back to a value it had). A writer that finds it changed reads it again and re-applies
 * its changes; nothing is lost and nothing counted twice. A batch's buckets go in one bulk write.
 */
final class FigureWrites {

    /** In a figure document: the sum over its cases of version + 1 (see the class comment). */
    static final String COUNTED = "counted";

    private final MongoCollection<Document> collection;
    private final List<ReviewDimension> dimensions;
    private final List<List<ReviewDimension>> pairs;
    private final String resourceKey;
    private final boolean buckets;

    /** A document's deltas are merged into its cells by every this many-th batch that changes it (ADR 0043). */
    static final int MERGE_AFTER = 16;
    /** What a batch reads of a document whose cells it need not merge: all but the cells and deltas. */
    private static final Bson SANS_CELLS = Projections.exclude("cells", BucketFigures.PENDING);

    /** One event's change of one bucket. */
    private record Counted(String caseId, long version, BucketFigures.Change change) {
    }

    /**
     * @param buckets whether the documents are the buckets' own figures (each noting from when its history was
     *                kept), else their {@link FigureHistory} documents
     */
    FigureWrites(MongoCollection<Document> collection, List<ReviewDimension> dimensions, List<List<ReviewDimension>> pairs,
                 boolean buckets) {
        this.collection = collection;
        this.dimensions = dimensions;
        this.pairs = pairs;
        this.buckets = buckets;
        this.resourceKey = FigureWrites.class.getName() + "/" + collection.getNamespace().getFullName();
    }

    /**
     * Counts one event's change of a bucket in one of its documents (the bucket's own, or one of its history): at once
     * outside a processor batch, else with the batch's other changes.
     */
    void add(String document, String caseId, long version, BucketFigures.Change change) {
        Map<String, List<Counted>> batch = batch();
        boolean alone = batch == null;
        if (alone) {
            batch = new LinkedHashMap<>();
        }
        batch.computeIfAbsent(document, b -> new ArrayList<>()).add(new Counted(caseId, version, change));
        if (alone) {
            flush(batch);
        }
    }

    /** Writes the batch's changes if the event being handled is its last; handlers call it on every path. */
    void endOfEvent() {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> unit
            && unit.isLastMessage()) {
            Map<String, List<Counted>> batch = unit.getResource(resourceKey);
            if (batch != null) {
                flush(batch);
            }
        }
    }

    private Map<String, List<Counted>> batch() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> unit)) {
            return null;
        }
        return unit.getOrComputeResource(resourceKey, key -> {
            Map<String, List<Counted>> batch = new LinkedHashMap<>();
            unit.onPrepareCommit(u -> flush(batch));
            return batch;
        });
    }

    /**
     * Reads the batch's buckets, applies their changes and writes them in one unordered bulk write: one round trip
     * and, on the embedded store, one commit, however many buckets the batch touched. When fewer writes took than
     * were sent (another writer came between), every bucket of the pass is read and applied again: applying skips
     * what a bucket already counts, so the buckets whose writes took change nothing.
     *
     * <p>A bucket is first read without its cells. Its batch's changes are then one more delta pushed onto its
     * pending list, and only every {@link #MERGE_AFTER}th batch reads the whole document and writes back its cells
     * with the deltas merged in (ADR 0043). Decoding and encoding every cell of a busy day on each batch was most of
     * the ledger's work, and four times so once each change was also counted in the day's history.
     */
    private void flush(Map<String, List<Counted>> batch) {
        Set<String> left = new LinkedHashSet<>(batch.keySet());
        while (!left.isEmpty()) {
            Map<String, Document> stored = read(left, SANS_CELLS);
            Set<String> whole = new LinkedHashSet<>();
            stored.forEach((id, document) -> {
                if (toMerge(document)) {
                    whole.add(id);
                }
            });
            if (!whole.isEmpty()) {
                stored.putAll(read(whole, null));
            }
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (String bucket : left) {
                WriteModel<Document> write = write(bucket, stored.get(bucket), whole.contains(bucket), batch.get(bucket));
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

    private Map<String, Document> read(Set<String> ids, Bson projection) {
        Map<String, Document> stored = new HashMap<>();
        for (Document document : collection.find(in("_id", new ArrayList<>(ids))).projection(projection)) {
            stored.put(document.getString("_id"), document);
        }
        return stored;
    }

    /** Whether a batch's write should merge the document's deltas into its cells, so reading the whole document first. */
    private static boolean toMerge(Document sansCells) {
        // A document written by $inc updates before ADR 0035 has no count yet: it is rewritten whole to get one.
        Number pending = sansCells.get(BucketFigures.PENDING_BATCHES, Number.class);
        return sansCells.get(COUNTED) == null || pending != null && pending.intValue() + 1 >= MERGE_AFTER;
    }

    /**
     * The write of a bucket's changes, or null when they change nothing: a new document, the document as read with
     * its deltas merged and the changes applied (when read whole), else the changes pushed as one more delta.
     */
    private WriteModel<Document> write(String bucket, Document stored, boolean whole, List<Counted> changes) {
        // Read without its cells, the figures' cells are only what this batch adds: its delta.
        BucketFigures figures = stored == null ? new BucketFigures(bucket, FigureHistory.bucketOf(bucket)) : BucketFigures.fromDocument(stored);
        if (buckets) {
            figures.keepHistory(stored == null);
        }
        boolean changed = false;
        for (Counted c : changes) {
            changed |= figures.apply(c.caseId(), c.version(), c.change(), dimensions, pairs);
        }
        if (!changed) {
            return null;
        }
        long counted = counted(figures);
        if (stored == null) {
            return new InsertOneModel<>(BucketFigures.toDocument(figures).append(COUNTED, counted));
        }
        Number was = stored.get(COUNTED, Number.class);
        Bson unchanged = and(eq("_id", bucket), was == null ? exists(COUNTED, false) : eq(COUNTED, was.longValue()));
        if (whole) {
            return new ReplaceOneModel<>(unchanged, BucketFigures.toDocument(figures).append(COUNTED, counted));
        }
        List<Bson> update = new ArrayList<>(List.of(Updates.set("members", new Document(figures.members)), Updates.set(COUNTED, counted),
                Updates.set("firstRecordedNanos", BucketFigures.nanos(figures.firstRecordedAt)),
                Updates.set("lastRecordedNanos", BucketFigures.nanos(figures.lastRecordedAt)),
                Updates.set(BucketFigures.PENDING_BATCHES, figures.pendingBatches + 1)));
        if (figures.historyFrom != null) {
            update.add(Updates.set("historyFromNanos", BucketFigures.nanos(figures.historyFrom)));
        }
        BucketFigures.groupBytes(figures.cells).forEach((group, delta) -> update.add(Updates.push(BucketFigures.PENDING + "." + group, delta)));
        return new UpdateOneModel<>(unchanged, Updates.combine(update));
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

    /** A figures document as it would be stored with its pending deltas merged into its cells. */
    static Document merged(Document stored) {
        return BucketFigures.toDocument(BucketFigures.fromDocument(stored)).append(COUNTED, stored.get(COUNTED));
    }

    static long counted(BucketFigures figures) {
        return figures.members.values().stream().mapToLong(v -> v + 1).sum();
    }
}
