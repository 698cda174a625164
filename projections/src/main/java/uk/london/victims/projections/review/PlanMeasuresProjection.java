package uk.london.victims.projections.review;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

import uk.london.victims.domain.code.WorkingDayCalendar;
import uk.london.victims.projections.support.BatchDocuments;
import uk.london.victims.projections.support.BatchWrites;
import uk.london.victims.projections.support.IsoInstants;
import uk.london.victims.projections.support.RecordDocuments;
import uk.london.victims.projections.support.ReadModels;

/**
 * What the Police and Crime Plan's measures need, kept so that a period's measures read only that period's
 * cases (ADR 0022). Three collections, every read of them by {@code _id}:
 * <ul>
 * <li>{@value #CASES}: per case, the few facts the measures use (report, offence, outcomes, charge,
 * restorative justice, personal statements, ratings, how it ended), each with its real and recorded time, so
 * an "as known on" question filters them exactly as the full computation filtered the timeline;</li>
 * <li>{@value #DAYS}: per London day, the cases reported on it, and one {@value #RANGE} document with the
 * first and last such day, so a period reads its own days' documents and no more;</li>
 * <li>{@value #VICTIMS}: per victim (a pseudonymous person id, never a name), each case they are a victim in,
 * with its report time and when both were known, for repeat victimisation without a scan;</li>
 * <li>{@value #SUMMARIES}: per London day and one of {@value #BUCKETS} buckets of its cases, each case's measures
 * folded from all its facts and when its last fact was recorded, and when each of its victims became a repeat
 * victim, so a review as known now reads a few documents per day instead of every case and victim (ADR 0052).</li>
 * </ul>
 * Its own processing group, so it can be replayed alone.
 */
@Component
@ProcessingGroup(PlanMeasuresProjection.PROCESSING_GROUP)
public class PlanMeasuresProjection {

    public static final String PROCESSING_GROUP = "plan-measures";
    public static final String CASES = "plan_measure_cases";
    public static final String DAYS = "plan_measure_days";
    public static final String VICTIMS = "plan_measure_victims";
    public static final String SUMMARIES = "plan_measure_summaries";
    /**
     * Summary documents per day. A day's cases in one document would be read fastest, but every event of a case
     * rewrites its summary's document: at London's 2,500 reports a day, some 160 bytes each, that is about 400 kB,
     * a sixteenth of it about 25 kB; the benchmark's 165 reports a day make 1.6 kB on average (measured).
     */
    static final int BUCKETS = 16;
    /** Field of a case document: the case has a summary, with its victims' repeat instants (ADR 0052). */
    static final String SUMMARISED = "summarised";
    /** The {@value #DAYS} document holding the first and last day any case was reported on. */
    public static final String RANGE = "range";

    /** The events the measures read; the case's first event is kept too, whatever it is. */
    static final Set<String> TYPES = Set.of("CrimeReported", "VictimAdded", "CrimeRecorded", "CrimeReclassified",
            "HearingOutcomeRecorded", "VerdictRecorded", "HearingListed", "SuspectCharged", "ChargingDecisionMade",
            "RestorativeJusticeStepRecorded", "TreatmentRated", "VictimPersonalStatementRecorded", "CrimeNotInvestigated",
            "NoFurtherActionTaken", "ProsecutionDiscontinued", "NoEvidenceOffered", "CaseFiled", "CaseReopened");
    /** The fields of those events the measures read; nothing sealed, no free text. */
    static final Set<String> FIELDS = Set.of("victimId", "offence", "borough", "outcome", "verdict", "court", "decision",
            "step", "stage", "rating");

    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> days;
    private final MongoCollection<Document> victims;
    private final MongoCollection<Document> summaries;
    private final BatchDocuments<String> caseBatch;
    private final BatchWrites dayUpdates;
    private final BatchWrites victimUpdates;
    private final BatchWrites summaryUpdates;
    private final RepeatVictims repeatVictims;

    public PlanMeasuresProjection(@ReadModels MongoDatabase database) {
        this.cases = database.getCollection(CASES);
        this.days = database.getCollection(DAYS);
        this.victims = database.getCollection(VICTIMS);
        this.summaries = database.getCollection(SUMMARIES);
        this.caseBatch = new BatchDocuments<>(cases, PlanMeasuresProjection::caseOf);
        this.dayUpdates = new BatchWrites(days);
        this.victimUpdates = new BatchWrites(victims);
        this.summaryUpdates = new BatchWrites(summaries);
        this.repeatVictims = new RepeatVictims(victims, summaries);
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        try {
            project(payload, message);
        } finally {
            // Shared documents first: if the process dies between these writes, the case's version is still
            // old, the batch is redelivered, and the shared updates (idempotent) are simply made again.
            dayUpdates.endOfEvent();
            victimUpdates.endOfEvent();
            repeatVictims.endOfEvent(); // reads the victims just written
            summaryUpdates.endOfEvent();
            caseBatch.endOfEvent();
        }
    }

    private void project(Object payload, DomainEventMessage<?> message) {
        String caseId = caseOf(message);
        if (caseId == null) {
            return;
        }
        Record event = (Record) payload;
        String type = typeName(payload);
        Document fields = RecordDocuments.toDocument(event);
        Object occurred = fields.get("occurredAt");
        Document kept = new Document();
        fields.forEach((key, value) -> {
            if (FIELDS.contains(key)) {
                kept.append(key, value);
            }
        });
        Document fact = new Document("sequence", message.getSequenceNumber()).append("type", type)
                .append("occurredAt", occurred == null ? null : occurred.toString())
                .append("recordedAt", message.getTimestamp().toString()).append("fields", kept);

        Document current = caseBatch.find(caseId);
        if (message.getSequenceNumber() == 0 && type.equals("CrimeReported")) {
            LocalDate day = occurredAt(fact).atZone(WorkingDayCalendar.LONDON).toLocalDate();
            dayUpdates.upsert(eq("_id", day.toString()), Updates.addToSet("cases", caseId));
            dayUpdates.upsert(eq("_id", RANGE), Updates.combine(Updates.min("first", day.toString()),
                    Updates.max("last", day.toString())));
        }
        if (type.equals("VictimAdded") && kept.get("victimId") != null) {
            Document first = current == null ? null : firstFact(current);
            if (first != null && first.getString("type").equals("CrimeReported")) {
                // Known as a report of this victim once both the report and the victim were recorded.
                Instant known = max(IsoInstants.parse(first.getString("recordedAt")), message.getTimestamp());
                String victimId = kept.get("victimId").toString();
                victimUpdates.upsert(eq("_id", victimId), Updates.addToSet("reports",
                        new Document("caseId", caseId).append("reportedAt", occurredAt(first).toString())
                                .append("knownAt", known.toString())));
                repeatVictims.changed(victimId);
            }
        }
        if (current != null && current.get("version", Number.class).longValue() >= message.getSequenceNumber()) {
            return; // already applied: delivery is at least once
        }
        List<Document> facts = current == null ? new ArrayList<>() : new ArrayList<>(current.getList("facts", Document.class));
        facts.add(fact);
        Document next = new Document("_id", caseId).append("version", message.getSequenceNumber()).append("facts", facts);
        if (summarise(caseId, facts)) {
            if (current != null && !current.getBoolean(SUMMARISED, false)) {
                // A case of a store written before summaries were kept: a summary is taken to carry its victims'
                // repeat instants, so they are written now, once.
                facts.stream().filter(f -> f.getString("type").equals("VictimAdded"))
                        .map(f -> f.get("fields", Document.class).get("victimId"))
                        .filter(victim -> victim != null).forEach(victim -> repeatVictims.changed(victim.toString()));
            }
            next.append(SUMMARISED, true);
        }
        caseBatch.save(caseId, next);
    }

    /**
     * The case's summary, as all its facts so far make it; only for cases reported, the ones a review counts.
     *
     * @return whether the case has one
     */
    private boolean summarise(String caseId, List<Document> facts) {
        Document first = facts.get(0);
        if (first.get("sequence", Number.class).longValue() != 0 || !first.getString("type").equals("CrimeReported")) {
            return false;
        }
        Instant reported = occurredAt(first);
        // Keyed by case: of several events of one case in a batch, only the last one's summary is made and written.
        summaryUpdates.upsertLatest(caseId, eq("_id", summaryId(reported, caseId)), () -> {
            Instant known = Instant.MIN;
            for (Document fact : facts) {
                known = max(known, IsoInstants.parse(fact.getString("recordedAt")));
            }
            return Updates.set("cases." + caseId, CaseMeasures.of(facts, Instant.MAX).toSummary(reported, known));
        });
        return true;
    }

    /** The summary document of a case reported at that instant. */
    static String summaryId(Instant reported, String caseId) {
        return summaryId(reported.atZone(WorkingDayCalendar.LONDON).toLocalDate().toString(), caseId);
    }

    /**
     * The summary document of a case reported on that London day (as {@value #DAYS} names it): the day, and a bucket
     * by the case's id.
     */
    static String summaryId(String day, String caseId) {
        return day + "/" + Math.floorMod(caseId.hashCode(), BUCKETS);
    }

    @ResetHandler
    void reset() {
        cases.drop();
        days.drop();
        victims.drop();
        summaries.drop();
    }

    /** The case an event belongs to when it is one the measures read, else null. */
    private static String caseOf(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> d && "Case".equals(d.getType()) && d.getPayload() instanceof Record
            && (d.getSequenceNumber() == 0 || TYPES.contains(typeName(d.getPayload())))) {
            return d.getAggregateIdentifier();
        }
        return null;
    }

    /** The case's first event, when it has been projected. */
    static Document firstFact(Document caseDocument) {
        List<Document> facts = caseDocument.getList("facts", Document.class);
        return facts.isEmpty() || facts.get(0).get("sequence", Number.class).longValue() != 0 ? null : facts.get(0);
    }

    /** When it happened, or when it was recorded if the event says nothing: as the full computation reads it. */
    static Instant occurredAt(Document fact) {
        String occurred = fact.getString("occurredAt");
        return IsoInstants.parse(occurred != null ? occurred : fact.getString("recordedAt"));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String typeName(Object payload) {
        String name = payload.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }
}
