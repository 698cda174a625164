package uk.london.victims.projections.timeline;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Autowired;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.domain.people.Sealed;
import uk.london.victims.projections.support.BatchDocuments;
import uk.london.victims.projections.support.IsoInstants;
import uk.london.victims.projections.support.RecordDocuments;
import uk.london.victims.projections.support.ReadModels;

/**
 * The case as one timeline across agencies: one document per case, keyed by case id, holding its
 * entries in order. Personal details stay sealed in the read model and are opened per read, so an
 * erased person's details vanish from the timeline without rebuilding it.
 */
@Component
@ProcessingGroup(CaseTimelineProjection.PROCESSING_GROUP)
public class CaseTimelineProjection {

    public static final String PROCESSING_GROUP = "case-timelines";
    public static final String COLLECTION = "case_timelines";
    public static final String RECORDED_BY = "recordedBy";
    /** Set by an agency on a step the victim must not see in the portal (e.g. a covert tactic). */
    public static final String NOT_FOR_VICTIM = "notForVictim";
    static final String ERASED = "[erased]";
    static final String WITHHELD = "[withheld]";

    private final MongoCollection<Document> timelines;
    private final PersonalDataVault vault;
    /** Replay and catch-up read and write a batch's timelines together (see BatchDocuments). */
    private final BatchDocuments<String> batch;

    /** Tells open pages of a case that its timeline changed (ADR 0029); null where nobody watches (tests). */
    private final QueryUpdateEmitter updates;

    public CaseTimelineProjection(MongoDatabase database, PersonalDataVault vault) {
        this(database, vault, null);
    }

    @Autowired
    public CaseTimelineProjection(@ReadModels MongoDatabase database, PersonalDataVault vault, QueryUpdateEmitter updates) {
        this.timelines = database.getCollection(COLLECTION);
        this.vault = vault;
        this.updates = updates;
        this.batch = new BatchDocuments<>(timelines,
                m -> m instanceof DomainEventMessage<?> d && "Case".equals(d.getType()) ? d.getAggregateIdentifier() : null);
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        try {
            project(payload, message);
        } finally {
            batch.endOfEvent();
        }
    }

    private void project(Object payload, DomainEventMessage<?> message) {
        if (!"Case".equals(message.getType()) || !(payload instanceof Record event)) {
            return;
        }
        String caseId = message.getAggregateIdentifier();
        Document timeline = batch.find(caseId);
        if (timeline != null && timeline.get("version", Number.class).longValue() >= message.getSequenceNumber()) {
            return; // already applied: delivery is at least once
        }
        Document entry = new Document("sequence", message.getSequenceNumber())
                .append("type", typeName(payload))
                .append("agency", AgencyOfEvent.of(payload).name())
                .append("recordedAt", message.getTimestamp().toString())
                .append("details", RecordDocuments.toDocument(event));
        Object occurredAt = entry.get("details", Document.class).remove("occurredAt");
        entry.append("occurredAt", occurredAt);
        Object recordedBy = message.getMetaData().get(RECORDED_BY);
        if (recordedBy != null) {
            entry.append("recordedBy", recordedBy.toString());
        }
        if (Boolean.TRUE.equals(message.getMetaData().get(NOT_FOR_VICTIM))) {
            entry.append("notForVictim", true);
        }
        List<Document> entries = timeline == null ? new ArrayList<>() : new ArrayList<>(timeline.getList("entries", Document.class));
        entries.add(entry);
        batch.save(caseId, new Document("_id", caseId).append("version", message.getSequenceNumber()).append("entries", entries));
        if (updates != null) {
            // Inside the processor's unit of work Axon sends this after commit, so a page that reads on it
            // finds the entry written.
            CaseTimelineChanged changed = new CaseTimelineChanged(caseId, message.getSequenceNumber());
            updates.emit(FindCaseTimelineQuery.class, query -> query.caseId().equals(caseId), changed);
        }
    }

    @ResetHandler
    void reset() {
        timelines.drop();
    }

    @QueryHandler
    Optional<CaseTimelineView> handle(FindCaseTimelineQuery query) {
        Document timeline = timelines.find(eq("_id", query.caseId())).first();
        if (timeline == null) {
            return Optional.empty();
        }
        List<TimelineEntryView> entries = timeline.getList("entries", Document.class).stream()
                .map(entry -> toView(entry, query.openPersonalDetails())).toList();
        return Optional.of(new CaseTimelineView(query.caseId(), timeline.get("version", Number.class).longValue(), entries));
    }

    private TimelineEntryView toView(Document entry, boolean openPersonalDetails) {
        Map<String, Object> details = new LinkedHashMap<>();
        entry.get("details", Document.class).forEach((key, value) -> details.put(key, openPersonalDetails ? open(value) : withhold(value)));
        String occurredAt = entry.getString("occurredAt");
        return new TimelineEntryView(entry.get("sequence", Number.class).longValue(), entry.getString("type"),
                entry.getString("agency"), occurredAt == null ? null : IsoInstants.parse(occurredAt),
                IsoInstants.parse(entry.getString("recordedAt")), entry.getString("recordedBy"),
                entry.getBoolean("notForVictim", false), details);
    }

    private static Object withhold(Object value) {
        return value instanceof Document sealed && sealed.containsKey("sealedFor") ? WITHHELD : value;
    }

    private Object open(Object value) {
        if (value instanceof Document sealed && sealed.containsKey("sealedFor")) {
            return vault.open(new Sealed(new PersonId(sealed.getString("sealedFor")), sealed.getString("ciphertext")))
                        .orElse(ERASED);
        }
        return value;
    }

    private static String typeName(Object payload) {
        String name = payload.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }
}
