package uk.london.victims.projections.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;

import uk.london.victims.domain.code.CaseFact;

/**
 * A case event as the compliance engine's fact, kept as a document: sequence, type (the event's name
 * without "Event"), when it happened, when it was recorded, and its fields with personal data still sealed.
 * The timeline's entries have the same shape, so one conversion reads both.
 */
public final class CaseFactDocuments {

    private CaseFactDocuments() {
    }

    public static Document entry(Record event, DomainEventMessage<?> message) {
        Document details = RecordDocuments.toDocument(event);
        Object occurredAt = details.remove("occurredAt");
        return new Document("sequence", message.getSequenceNumber()).append("type", typeName(event))
                .append("occurredAt", occurredAt).append("recordedAt", message.getTimestamp().toString())
                .append("details", details);
    }

    public static CaseFact fact(Document entry) {
        Map<String, Object> fields = new LinkedHashMap<>(entry.get("details", Document.class));
        String occurredAt = entry.getString("occurredAt");
        Instant recordedAt = IsoInstants.parse(entry.getString("recordedAt"));
        return new CaseFact(entry.get("sequence", Number.class).longValue(), entry.getString("type"),
                occurredAt == null ? recordedAt : IsoInstants.parse(occurredAt), recordedAt, fields);
    }

    public static String typeName(Object payload) {
        String name = payload.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }
}
