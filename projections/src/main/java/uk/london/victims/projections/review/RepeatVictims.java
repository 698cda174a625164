package uk.london.victims.projections.review;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import uk.london.victims.projections.support.IsoInstants;
import uk.london.victims.projections.support.ProcessorBatch;

/**
 * When each victim became a repeat victim, copied into the day summaries of all their cases (ADR 0052), so that a
 * review counts repeat victims from the summaries it reads anyway instead of reading every victim.
 *
 * <p>A victim is a repeat victim, as known at an instant, once two of their cases reported within 12 months of each
 * other were both known: the earliest such instant is {@link #since}. It only ever moves earlier as cases are added,
 * so it is written with {@code $min}. Cases of one victim may be handled by different segments at once; each batch
 * reads its victims' documents only after its own additions to them are written, so whichever batch reads last sees
 * both additions, and {@code $min} keeps its answer whatever order the writes land in.
 */
final class RepeatVictims {

    /** Field of a day summary: victim id to the instant (nanoseconds since the epoch) they became a repeat victim. */
    static final String FIELD = "repeat";

    private static final Duration TWELVE_MONTHS = Duration.ofDays(365);
    private static final int IDS_PER_READ = 50;

    private final MongoCollection<Document> victims;
    private final MongoCollection<Document> summaries;
    private final String resourceKey;

    RepeatVictims(MongoCollection<Document> victims, MongoCollection<Document> summaries) {
        this.victims = victims;
        this.summaries = summaries;
        this.resourceKey = RepeatVictims.class.getName() + "/" + summaries.getNamespace().getFullName();
    }

    /**
     * The victim gained a case: their summaries are brought up to date once the batch's victim documents are
     * written ({@link #endOfEvent}), or at once outside a batch.
     */
    void changed(String victimId) {
        // Made after the batch's first victim write, so at commit too the victims are written before they are read.
        Set<String> changed = ProcessorBatch.resource(resourceKey, batch -> new LinkedHashSet<>(), this::update);
        if (changed != null) {
            changed.add(victimId);
        } else {
            update(new LinkedHashSet<>(Set.of(victimId)));
        }
    }

    /** At the batch's last event, after the victims' documents have been written. */
    void endOfEvent() {
        ProcessorBatch.atLastEvent(resourceKey, this::update);
    }

    /** Brings the summaries of these victims' cases up to date, and forgets them. */
    private void update(Set<String> victimIds) {
        if (victimIds.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(victimIds);
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (int next = 0; next < ids.size(); next += IDS_PER_READ) {
            for (Document victim : victims.find(in("_id", ids.subList(next, Math.min(next + IDS_PER_READ, ids.size()))))) {
                List<Document> reports = victim.getList("reports", Document.class, List.of());
                Instant since = since(reports);
                if (since == null) {
                    continue;
                }
                Set<String> summaryIds = new LinkedHashSet<>();
                for (Document report : reports) {
                    summaryIds.add(PlanMeasuresProjection.summaryId(IsoInstants.parse(report.getString("reportedAt")),
                            report.getString("caseId")));
                }
                for (String summaryId : summaryIds) {
                    writes.add(new UpdateOneModel<>(eq("_id", summaryId),
                            Updates.min(FIELD + "." + victim.getString("_id"), IsoInstants.toNanos(since)), new UpdateOptions().upsert(true)));
                }
            }
        }
        if (!writes.isEmpty()) {
            summaries.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        victimIds.clear();
    }

    /**
     * The earliest instant at which two of the victim's cases reported within 12 months of each other were both
     * known, or null if there is none yet. A case is known from its earliest entry (a victim added twice to a case
     * is one case).
     */
    static Instant since(List<Document> reports) {
        Map<String, Instant> reported = new HashMap<>();
        Map<String, Instant> known = new HashMap<>();
        for (Document report : reports) {
            String caseId = report.getString("caseId");
            reported.put(caseId, IsoInstants.parse(report.getString("reportedAt")));
            known.merge(caseId, IsoInstants.parse(report.getString("knownAt")), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<String> cases = new ArrayList<>(reported.keySet());
        Instant since = null;
        for (int i = 0; i < cases.size(); i++) {
            for (int j = i + 1; j < cases.size(); j++) {
                Duration apart = Duration.between(reported.get(cases.get(i)), reported.get(cases.get(j))).abs();
                if (apart.compareTo(TWELVE_MONTHS) <= 0) {
                    Instant both = later(known.get(cases.get(i)), known.get(cases.get(j)));
                    since = since == null || both.isBefore(since) ? both : since;
                }
            }
        }
        return since;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
