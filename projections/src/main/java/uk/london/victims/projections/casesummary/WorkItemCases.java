package uk.london.victims.projections.casesummary;


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

import uk.london.victims.projections.support.ByIds;

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
        Generation generation = generationFor(ByIds.stamps(stamps, List.of(CaseSummaryProjection.WORK_ITEM_FIELDS))
                .get(CaseSummaryProjection.WORK_ITEM_FIELDS));
        Map<String, Document> found = new HashMap<>(generation.cases().getAllPresent(caseIds));
        List<String> missing = caseIds.stream().filter(id -> !found.containsKey(id)).toList();
        // Only what was found is kept: a case with no summary yet is asked again.
        Map<String, Document> read = ByIds.read(summaries, missing, Projections.include(CaseSummaryProjection.WORK_ITEM_FIELD_NAMES));
        generation.cases().putAll(read);
        found.putAll(read);
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
