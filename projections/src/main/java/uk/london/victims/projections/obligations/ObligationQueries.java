package uk.london.victims.projections.obligations;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationEvaluator;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.domain.code.WorkingDayCalendar;
import uk.london.victims.projections.casesummary.CaseSummaryProjection;
import uk.london.victims.projections.timeline.CaseTimelineProjection;

/**
 * Obligations are not stored: they are derived, on each question, from the case's timeline (every event
 * with its real and recorded time) by the rule engine. So they are always as rebuildable as the timeline,
 * a change of rule data applies at once, and an as-of question is answered from exactly what had been
 * recorded by then.
 */
@Component
public class ObligationQueries {

    private static final int SCAN_BATCH = 200;

    private final MongoCollection<Document> timelines;
    private final MongoCollection<Document> summaries;
    private final ObligationEvaluator evaluator;

    public ObligationQueries(MongoDatabase database, ObligationEvaluator evaluator) {
        this.timelines = database.getCollection(CaseTimelineProjection.COLLECTION);
        this.summaries = database.getCollection(CaseSummaryProjection.COLLECTION);
        this.evaluator = evaluator;
    }

    @QueryHandler
    Optional<CaseObligationsView> handle(FindCaseObligationsQuery query) {
        Document timeline = timelines.find(eq("_id", query.caseId())).first();
        return Optional.ofNullable(timeline)
                       .map(t -> new CaseObligationsView(query.caseId(), query.asOf(), evaluator.evaluate(facts(t), query.asOf())));
    }

    /**
     * Evaluates every case: fine for one agency's caseload on the embedded store, and the place to add a
     * stored index of open obligations when the benchmarks say so.
     */
    @QueryHandler
    List<WorkItemView> handle(FindWorkListQuery query) {
        List<WorkItemView> items = new ArrayList<>();
        // In batches: the embedded server otherwise answers a scan in one reply, which past the driver's
        // 48 MB message limit (about 16,000 cases) fails the whole query.
        for (Document timeline : timelines.find().batchSize(SCAN_BATCH)) {
            List<Obligation> open = evaluator.evaluate(facts(timeline), query.asOf()).stream()
                    .filter(o -> o.owner() == query.agency())
                    .filter(o -> o.status() == ObligationStatus.OPEN || o.status() == ObligationStatus.OVERDUE
                                 || o.status() == ObligationStatus.AWAITING_CLOCK
                                 // The agency still has to seek the victim's consent: work to do, not yet a breach.
                                 || o.status() == ObligationStatus.AWAITING_CONSENT)
                    .toList();
            if (open.isEmpty()) {
                continue;
            }
            String caseId = timeline.getString("_id");
            Document summary = Optional.ofNullable(summaries.find(eq("_id", caseId)).first()).orElse(new Document());
            for (Obligation obligation : open) {
                items.add(new WorkItemView(caseId, summary.getString("crimeReference"), summary.getString("bcu"),
                        summary.getString("officerId"), summary.getList("units", String.class, List.of()),
                        urgency(obligation, query), obligation));
            }
        }
        items.sort(Comparator.comparing((WorkItemView item) -> item.obligation().deadline(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        return items;
    }

    private String urgency(Obligation obligation, FindWorkListQuery query) {
        if (obligation.status() == ObligationStatus.AWAITING_CLOCK) {
            return "AWAITING_CLOCK";
        }
        if (obligation.status() == ObligationStatus.AWAITING_CONSENT) {
            return "AWAITING_CONSENT";
        }
        if (obligation.status() == ObligationStatus.OVERDUE) {
            return "OVERDUE";
        }
        LocalDate today = query.asOf().atZone(WorkingDayCalendar.LONDON).toLocalDate();
        LocalDate due = obligation.deadline().atZone(WorkingDayCalendar.LONDON).toLocalDate();
        if (!due.isAfter(today)) {
            return "DUE_TODAY";
        }
        int workingDaysLeft = evaluator.calendar().workingDaysBetween(query.asOf(), obligation.deadline());
        return workingDaysLeft <= query.dueSoonWorkingDays() ? "DUE_SOON" : "LATER";
    }

    /** The timeline's entries as the rule engine's facts; sealed values are never opened here. */
    public static List<CaseFact> facts(Document timeline) {
        List<CaseFact> facts = new ArrayList<>();
        for (Document entry : timeline.getList("entries", Document.class)) {
            Map<String, Object> fields = new LinkedHashMap<>(entry.get("details", Document.class));
            String occurredAt = entry.getString("occurredAt");
            Instant recordedAt = Instant.parse(entry.getString("recordedAt"));
            facts.add(new CaseFact(entry.get("sequence", Number.class).longValue(), entry.getString("type"),
                    occurredAt == null ? recordedAt : Instant.parse(occurredAt), recordedAt, fields));
        }
        return facts;
    }
}
