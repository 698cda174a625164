package uk.london.victims.projections.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;

import uk.london.victims.projections.casesummary.CaseSummaryProjection;

/**
 * The secondary indexes the read models' queries need on MongoDB (ADR 0030; each is listed with its query
 * in docs/scaling.md). The timelines, the obligation ledger (its cases, hour buckets, open lists and
 * figures), plan measures and portal access are all read by {@code _id} and need none: keep it so.
 */
public final class ProjectionIndexes {

    private ProjectionIndexes() {
    }

    /** The read models' indexes, by collection. */
    public static Map<String, List<IndexModel>> declared() {
        Map<String, List<IndexModel>> indexes = new LinkedHashMap<>();
        // Case search (FindCasesQuery) filters on any of borough, status and officer, newest report first,
        // and takes at most 200: each index gives the filter's cases already in that order, so no query
        // sorts a borough's whole caseload. With the officer in the filter, their own caseload is small
        // enough to filter on the rest.
        indexes.put(CaseSummaryProjection.COLLECTION, List.of(
                index("cases_by_report_time", new Document("reportedAt", -1)),
                index("cases_by_borough", new Document("borough", 1).append("reportedAt", -1)),
                index("cases_by_status", new Document("status", 1).append("reportedAt", -1)),
                index("cases_by_borough_status", new Document("borough", 1).append("status", 1).append("reportedAt", -1)),
                index("cases_by_officer", new Document("officerId", 1).append("reportedAt", -1))));
        return indexes;
    }

    private static IndexModel index(String name, Document keys) {
        return new IndexModel(keys, new IndexOptions().name(name));
    }
}
