package uk.london.victims.projections.casesummary;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

import uk.london.victims.domain.cases.AppealDecidedEvent;
import uk.london.victims.domain.cases.AppealLodgedEvent;
import uk.london.victims.domain.cases.AppealOutcome;
import uk.london.victims.domain.cases.CaseClosedEvent;
import uk.london.victims.domain.cases.CaseFiledEvent;
import uk.london.victims.domain.cases.CaseReopenedEvent;
import uk.london.victims.domain.cases.CaseSharedWithUnitEvent;
import uk.london.victims.domain.cases.ChargingDecisionMadeEvent;
import uk.london.victims.domain.cases.CrimeNotInvestigatedEvent;
import uk.london.victims.domain.cases.CrimeReclassifiedEvent;
import uk.london.victims.domain.cases.CrimeRecordedEvent;
import uk.london.victims.domain.cases.CrimeReferences;
import uk.london.victims.domain.cases.CrimeReportedEvent;
import uk.london.victims.domain.cases.FileSentToCpsEvent;
import uk.london.victims.domain.cases.HearingListedEvent;
import uk.london.victims.domain.cases.HearingOutcome;
import uk.london.victims.domain.cases.HearingOutcomeRecordedEvent;
import uk.london.victims.domain.cases.NoEvidenceOfferedEvent;
import uk.london.victims.domain.cases.NoFurtherActionTakenEvent;
import uk.london.victims.domain.cases.OfficerAssignedEvent;
import uk.london.victims.domain.cases.OutOfCourtDisposalGivenEvent;
import uk.london.victims.domain.cases.ProsecutionDiscontinuedEvent;
import uk.london.victims.domain.cases.SentenceRecordedEvent;
import uk.london.victims.domain.cases.StaffScope;
import uk.london.victims.domain.cases.SuspectChargedEvent;
import uk.london.victims.domain.cases.SuspectIdentifiedEvent;
import uk.london.victims.domain.cases.Verdict;
import uk.london.victims.domain.cases.VerdictRecordedEvent;
import uk.london.victims.domain.cases.VictimAddedEvent;
import uk.london.victims.domain.cases.VictimInformedEvent;
import uk.london.victims.projections.support.BatchDocuments;
import uk.london.victims.projections.support.ByIds;
import uk.london.victims.projections.support.ReadModelCollections;
import uk.london.victims.projections.support.ReadModels;

/**
 * One document per case, keyed by case id, for agencies' lists and search; a second collection maps
 * each crime reference to its case so the commonest search is an {@code _id} lookup. Delivery is at
 * least once, so each update records the case's event sequence number and an event at or below it is
 * recognised as already applied.
 */
@Component
@ProcessingGroup(CaseSummaryProjection.PROCESSING_GROUP)
public class CaseSummaryProjection {

    public static final String PROCESSING_GROUP = "case-summaries";
    public static final String COLLECTION = "case_summaries";
    public static final String REFERENCES = "case_references";
    public static final String RECORDED_BY_UNIT = StaffScope.RECORDED_BY_UNIT;
    /**
     * One document, {@link #WORK_ITEM_FIELDS}, whose {@code stamp} is new each time a batch changes a case's
     * {@link #WORK_ITEM_FIELD_NAMES} (written after the summaries): work lists keep those fields while it is unchanged.
     */
    public static final String STAMPS = "case_summary_stamps";
    public static final String WORK_ITEM_FIELDS = "work-item-fields";
    /** What a work item shows of its case, and decides who may see it. */
    public static final List<String> WORK_ITEM_FIELD_NAMES = List.of("crimeReference", "bcu", "officerId", "units");

    private final MongoDatabase database;
    private final MongoCollection<Document> summaries;
    private final MongoCollection<Document> references;
    /** Replay and catch-up read and write a batch's documents together (see BatchDocuments). */
    private final BatchDocuments<String> batchSummaries;
    private final BatchDocuments<String> batchReferences;
    private final MongoCollection<Document> stampDocuments;
    private final BatchDocuments<String> stamps;

    public CaseSummaryProjection(@ReadModels MongoDatabase database) {
        this.database = database;
        this.summaries = database.getCollection(COLLECTION);
        this.references = database.getCollection(REFERENCES);
        this.batchSummaries = new BatchDocuments<>(summaries,
                m -> m instanceof DomainEventMessage<?> d && "Case".equals(d.getType()) ? d.getAggregateIdentifier() : null);
        this.batchReferences = new BatchDocuments<>(references,
                m -> m.getPayload() instanceof CrimeRecordedEvent e ? CrimeReferences.normalise(e.crimeReference()) : null);
        this.stampDocuments = database.getCollection(STAMPS);
        this.stamps = new BatchDocuments<>(stampDocuments, m -> null);
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        try {
            project(payload, message);
        } finally {
            // References first: the summary's version is what tells a redelivered event to skip, so it must
            // be written last, or a crash between the two writes loses the reference for good (found by
            // RepeatedKillTest).
            batchReferences.endOfEvent();
            batchSummaries.endOfEvent();
            // After the summaries: a reader that reads the stamp before the summaries keeps nothing older than it.
            stamps.endOfEvent();
        }
    }

    private void project(Object payload, DomainEventMessage<?> message) {
        if (!"Case".equals(message.getType())) {
            return;
        }
        String caseId = message.getAggregateIdentifier();
        Document summary = batchSummaries.find(caseId);
        if (summary != null && summary.get("version", Number.class).longValue() >= message.getSequenceNumber()) {
            // Delivered again: a crash may have come between this event's summary and its stamp, which is written
            // after it, so the stamp is renewed (redeliveries are rare; a needless stamp only costs readers a read).
            restamp();
            return;
        }
        // A new summary needs no new stamp: no reader keeps a case it found no summary for.
        List<Object> shown = summary == null ? null : workItemFields(summary);
        if (summary == null) {
            summary = new Document("_id", caseId).append("victims", 0).append("suspects", 0).append("victimContacts", 0)
                                                 .append("units", List.of());
        }
        apply(payload, summary);
        // The units concerned, as the case itself counts them when it decides who may act on it (ADR 0018),
        // plus every unit that recorded something.
        Object unit = payload instanceof OfficerAssignedEvent e ? e.unit()
                : payload instanceof CaseSharedWithUnitEvent e ? e.unit() : null;
        for (Object concerned : new Object[] {unit, message.getMetaData().get(RECORDED_BY_UNIT)}) {
            if (concerned != null) {
                TreeSet<String> units = new TreeSet<>(summary.getList("units", String.class));
                units.add(concerned.toString());
                summary.append("units", new ArrayList<>(units));
            }
        }
        batchSummaries.save(caseId, summary.append("version", message.getSequenceNumber()));
        if (shown != null && !shown.equals(workItemFields(summary))) {
            restamp();
        }
    }

    /** Never reused, so a summary rebuilt by a replay cannot bring back a stamp a reader kept. */
    private void restamp() {
        stamps.save(WORK_ITEM_FIELDS, ByIds::freshStamp);
    }

    private static List<Object> workItemFields(Document summary) {
        List<Object> fields = new ArrayList<>(WORK_ITEM_FIELD_NAMES.size());
        WORK_ITEM_FIELD_NAMES.forEach(name -> fields.add(summary.get(name)));
        return fields;
    }

    private void apply(Object payload, Document summary) {
        if (payload instanceof CrimeReportedEvent e) {
            summary.append("status", "REPORTED").append("reportChannel", e.channel().name())
                   .append("reportedAt", Date.from(e.occurredAt()));
        } else if (payload instanceof CrimeRecordedEvent e) {
            summary.append("status", "RECORDED").append("crimeReference", e.crimeReference())
                   .append("offence", e.offence().name()).append("borough", e.borough().name())
                   .append("bcu", e.borough().bcu().code())
                   .append("priorityFlags", e.priorityFlags().stream().map(Enum::name).sorted().toList());
            // The first case to record a reference keeps it: a later one (which the event store now refuses,
            // ADR 0018, but older stores may hold) never takes over the victim's sign-in.
            String reference = CrimeReferences.normalise(e.crimeReference());
            Document holder = batchReferences.find(reference);
            if (holder == null || e.caseId().value().equals(holder.getString("caseId"))) {
                batchReferences.save(reference, new Document("_id", reference).append("caseId", e.caseId().value()));
            }
        } else if (payload instanceof CrimeReclassifiedEvent e) {
            summary.append("offence", e.offence().name())
                   .append("priorityFlags", e.priorityFlags().stream().map(Enum::name).sorted().toList());
        } else if (payload instanceof OfficerAssignedEvent e) {
            summary.append("officerId", e.officerId()).append("officerUnit", e.unit());
        } else if (payload instanceof VictimAddedEvent) {
            summary.append("victims", summary.getInteger("victims", 0) + 1);
        } else if (payload instanceof SuspectIdentifiedEvent) {
            summary.append("suspects", summary.getInteger("suspects", 0) + 1).append("status", "UNDER_INVESTIGATION");
        } else if (payload instanceof VictimInformedEvent e) {
            summary.append("victimContacts", summary.getInteger("victimContacts", 0) + 1)
                   .append("lastVictimContactAt", Date.from(e.occurredAt()));
        } else {
            statusAfter(payload).ifPresent(status -> summary.append("status", status));
        }
    }

    /** The status an event moves the case to, for events that only do that. */
    private static Optional<String> statusAfter(Object payload) {
        if (payload instanceof FileSentToCpsEvent) {
            return Optional.of("WITH_CPS");
        }
        if (payload instanceof SuspectChargedEvent) {
            return Optional.of("CHARGED");
        }
        if (payload instanceof ChargingDecisionMadeEvent e) {
            return Optional.of(switch (e.decision()) {
                case CHARGE -> "CHARGED";
                case NO_FURTHER_ACTION -> "NO_FURTHER_ACTION";
                case FURTHER_EVIDENCE_REQUIRED -> "UNDER_INVESTIGATION";
            });
        }
        if (payload instanceof NoFurtherActionTakenEvent) {
            return Optional.of("NO_FURTHER_ACTION");
        }
        if (payload instanceof OutOfCourtDisposalGivenEvent) {
            return Optional.of("OUT_OF_COURT_DISPOSAL");
        }
        if (payload instanceof ProsecutionDiscontinuedEvent || payload instanceof NoEvidenceOfferedEvent) {
            return Optional.of("PROSECUTION_STOPPED");
        }
        if (payload instanceof AppealLodgedEvent) {
            return Optional.of("APPEAL_PENDING");
        }
        if (payload instanceof AppealDecidedEvent e) {
            return Optional.of(e.outcome() == AppealOutcome.ALLOWED ? "APPEAL_ALLOWED" : "SENTENCED");
        }
        if (payload instanceof HearingListedEvent) {
            return Optional.of("AT_COURT");
        }
        if (payload instanceof HearingOutcomeRecordedEvent e && e.outcome() == HearingOutcome.GUILTY_PLEA) {
            return Optional.of("CONVICTED");
        }
        if (payload instanceof VerdictRecordedEvent e) {
            return Optional.of(e.verdict() == Verdict.GUILTY ? "CONVICTED" : "ACQUITTED");
        }
        if (payload instanceof SentenceRecordedEvent) {
            return Optional.of("SENTENCED");
        }
        if (payload instanceof CrimeNotInvestigatedEvent) {
            return Optional.of("NOT_INVESTIGATED");
        }
        if (payload instanceof CaseFiledEvent) {
            return Optional.of("FILED");
        }
        if (payload instanceof CaseClosedEvent) {
            return Optional.of("CLOSED");
        }
        if (payload instanceof CaseReopenedEvent) {
            return Optional.of("UNDER_INVESTIGATION");
        }
        return Optional.empty();
    }

    @ResetHandler
    void reset() {
        summaries.drop();
        references.drop();
        ReadModelCollections.dropThoseThere(database, List.of(STAMPS));
    }

    @QueryHandler
    Optional<CaseSummaryView> handle(FindCaseSummaryQuery query) {
        return Optional.ofNullable(summaries.find(eq("_id", query.caseId())).first()).map(CaseSummaryProjection::toView);
    }

    @QueryHandler
    List<CaseSummaryView> handle(FindCasesQuery query) {
        if (query.crimeReference() != null) {
            Document reference = references.find(eq("_id", CrimeReferences.normalise(query.crimeReference()))).first();
            return reference == null ? List.of()
                    : handle(new FindCaseSummaryQuery(reference.getString("caseId"))).filter(view -> matches(view, query))
                                                                                  .map(List::of).orElse(List.of());
        }
        List<Bson> filters = new ArrayList<>();
        if (query.borough() != null) {
            filters.add(eq("borough", query.borough()));
        }
        if (query.status() != null) {
            filters.add(eq("status", query.status()));
        }
        if (query.officerId() != null) {
            filters.add(eq("officerId", query.officerId()));
        }
        // On the embedded store this scans case_summaries; fine for a unit's caseload, measured in the benchmarks.
        return summaries.find(filters.isEmpty() ? new Document() : and(filters)).sort(Sorts.descending("reportedAt"))
                        .limit(Math.max(1, Math.min(query.limit(), 200))).map(CaseSummaryProjection::toView)
                        .into(new ArrayList<>());
    }

    private static boolean matches(CaseSummaryView view, FindCasesQuery query) {
        return (query.borough() == null || query.borough().equals(view.borough()))
               && (query.status() == null || query.status().equals(view.status()))
               && (query.officerId() == null || query.officerId().equals(view.officerId()));
    }

    private static CaseSummaryView toView(Document d) {
        return new CaseSummaryView(d.getString("_id"), d.getString("status"), d.getString("reportChannel"),
                instant(d.getDate("reportedAt")), d.getString("crimeReference"), d.getString("offence"),
                d.getString("borough"), d.getString("bcu"), d.getList("priorityFlags", String.class, List.of()),
                d.getString("officerId"), d.getString("officerUnit"), d.getList("units", String.class, List.of()),
                d.getInteger("victims", 0), d.getInteger("suspects", 0), d.getInteger("victimContacts", 0),
                instant(d.getDate("lastVictimContactAt")), d.get("version", Number.class).longValue());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
