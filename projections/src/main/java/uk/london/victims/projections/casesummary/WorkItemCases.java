package uk.london.victims.projections.casesummary;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bson.Document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;

/**
 * What a work item shows of its case (crime reference, BCU, officer, units), from the cases' summaries, kept in
 * memory while the summaries' stamp for those fields is unchanged ({@link CaseSummaryProjection#STAMPS}): reading
 * and decoding 200 summaries was the largest part of a loaded work list's time once its items were kept (ADR 0044).
 * The fields decide who may see an item, so nothing is kept past a change: the stamp is read before the summaries,
 * and a case with no summary yet is not kept.
 */
public final class WorkItemCases {

    /** Cases kept at most: several busy units' lists. */
    private static final long KEPT = 20_000;
    private static final int READ_BATCH = 500;

    /** The cases' fields as read under one stamp. */
    private record Generation(Object stamp, Cache<String, Document> cases) {
    }

    private final MongoCollection<Document> summaries;
    private final MongoCollection<Document> stamps;
    private volatile Generation current = new Generation(new Object(), newCache());

    public WorkItemCases(MongoDatabase database) {
        this.summaries = database.getCollection(CaseSummaryProjection.COLLECTION);
        this.stamps = database.getCollection(CaseSummaryProjection.STAMPS);
    }

    /** The cases' work-item fields by case id; a case with no summary is absent. */
    public Map<String, Document> of(Set<String> caseIds) {
        Document stampDocument = stamps.find(eq("_id", CaseSummaryProjection.WORK_ITEM_FIELDS)).first();
        Object stamp = stampDocument == null ? null : stampDocument.get("stamp");
        Generation generation = generationFor(stamp);
        Map<String, Document> found = new HashMap<>(generation.cases().getAllPresent(caseIds));
        List<String> missing = new ArrayList<>();
        caseIds.forEach(id -> {
            if (!found.containsKey(id)) {
                missing.add(id);
            }
        });
        for (int i = 0; i < missing.size(); i += READ_BATCH) {
            summaries.find(in("_id", missing.subList(i, Math.min(missing.size(), i + READ_BATCH))))
                     .projection(Projections.include(CaseSummaryProjection.WORK_ITEM_FIELD_NAMES)).batchSize(READ_BATCH)
                     .forEach(d -> found.put(d.getString("_id"), d));
        }
        missing.forEach(id -> {
            Document read = found.get(id);
            if (read != null) {
                generation.cases().put(id, read);
            }
        });
        return found;
    }

    private Generation generationFor(Object stamp) {
        Generation generation = current;
        if (!Objects.equals(generation.stamp(), stamp)) {
            generation = new Generation(stamp, newCache());
            current = generation;
        }
        return generation;
    }

    private static Cache<String, Document> newCache() {
        return Caffeine.newBuilder().maximumSize(KEPT).build();
    }
}
