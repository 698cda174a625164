package uk.london.victims.projections.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;

/**
 * The figures' changes of a processor batch, written as one guarded update per bucket instead of one per
 * event: the embedded store clones, walks and re-encodes the whole bucket document for every update, so a
 * day's document changed by forty events of a batch cost forty of those (issue 14, ADR 0035).
 *
 * <p>The combined update of a bucket counts its cases only if none of them had been counted here at its
 * first version of the batch, and then records each at its last, in one atomic update of the document, so
 * other segments and instances counting other cases of the same bucket meanwhile lose nothing. When a
 * combined update finds a case already counted (a batch redelivered after a crash between the figures and
 * the case documents), the batch's changes are written again event by event, each guarded by its case's
 * version as before: those already counted change nothing, the others are counted once. A field touched by
 * any event of the batch is written even when its changes cancel out, so the document is the same as if
 * every event had been written on its own (a replay, in large batches, must equal the live figures).
 */
final class FigureWrites {

    private final MongoCollection<Document> collection;
    private final String resourceKey;

    /** A bucket's changes in one batch. */
    private static final class Pending {
        final Map<String, Long> increments = new LinkedHashMap<>();
        /** Per case, the first and last version counted in this batch. */
        final Map<String, long[]> versions = new LinkedHashMap<>();
        long lastRecordedNanos = Long.MIN_VALUE;
        /** The same changes, event by event, for when the combined update is refused. */
        final List<WriteModel<Document>> oneByOne = new ArrayList<>();
    }

    FigureWrites(MongoCollection<Document> collection) {
        this.collection = collection;
        this.resourceKey = FigureWrites.class.getName() + "/" + collection.getNamespace().getFullName();
    }

    /** Counts one event's change of a bucket: at once outside a processor batch, else with the batch's other changes. */
    void add(String bucket, String caseId, long version, Map<String, Long> increments, long recordedNanos) {
        Map<String, Pending> batch = batch();
        boolean alone = batch == null;
        if (alone) {
            batch = new LinkedHashMap<>();
        }
        Pending pending = batch.computeIfAbsent(bucket, b -> new Pending());
        increments.forEach((field, n) -> pending.increments.merge(field, n, Long::sum));
        pending.versions.merge(caseId, new long[] {version, version},
                (was, is) -> new long[] {Math.min(was[0], is[0]), Math.max(was[1], is[1])});
        pending.lastRecordedNanos = Math.max(pending.lastRecordedNanos, recordedNanos);
        pending.oneByOne.add(BucketFigures.guarded(bucket, Map.of(caseId, new long[] {version, version}), increments, recordedNanos));
        if (alone) {
            flush(batch);
        }
    }

    /** Writes the batch's changes if the event being handled is its last; handlers call it on every path. */
    void endOfEvent() {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> unit
            && unit.isLastMessage()) {
            Map<String, Pending> batch = unit.getResource(resourceKey);
            if (batch != null) {
                flush(batch);
            }
        }
    }

    private Map<String, Pending> batch() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> unit)) {
            return null;
        }
        return unit.getOrComputeResource(resourceKey, key -> {
            Map<String, Pending> batch = new LinkedHashMap<>();
            unit.onPrepareCommit(u -> flush(batch));
            return batch;
        });
    }

    private void flush(Map<String, Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> creates = new ArrayList<>(batch.size());
        List<WriteModel<Document>> combined = new ArrayList<>(batch.size());
        batch.forEach((bucket, pending) -> {
            creates.add(BucketFigures.create(bucket));
            combined.add(BucketFigures.guarded(bucket, pending.versions, pending.increments, pending.lastRecordedNanos));
        });
        collection.bulkWrite(creates, new BulkWriteOptions().ordered(true));
        BulkWriteResult result = collection.bulkWrite(combined, new BulkWriteOptions().ordered(true));
        if (result.getMatchedCount() < combined.size()) {
            List<WriteModel<Document>> oneByOne = new ArrayList<>();
            batch.values().forEach(pending -> oneByOne.addAll(pending.oneByOne));
            collection.bulkWrite(oneByOne, new BulkWriteOptions().ordered(true));
        }
        batch.clear();
    }
}
