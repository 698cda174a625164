package uk.london.victims.projections.support;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;

import org.bson.Document;

import uk.london.victims.domain.people.Sealed;

/**
 * Turns an event record into the document a read model keeps: enums by name, typed ids by value, times
 * as ISO text, and sealed personal data still sealed (opened only when someone entitled reads it).
 */
public final class RecordDocuments {

    private RecordDocuments() {
    }

    public static Document toDocument(Record event) {
        Document document = new Document();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals("caseId")) {
                continue;
            }
            try {
                Object value = component.getAccessor().invoke(event);
                if (value != null) {
                    document.append(component.getName(), toValue(value));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component, e);
            }
        }
        return document;
    }

    private static Object toValue(Object value) {
        if (value instanceof Sealed sealed) {
            return new Document("sealedFor", sealed.person().value()).append("ciphertext", sealed.ciphertext());
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Set<?> values) {
            // A set has no order of its own; sorted, a replay rebuilds exactly the same document.
            return values.stream().map(RecordDocuments::toValue).sorted(Comparator.comparing(Object::toString)).toList();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(RecordDocuments::toValue).toList();
        }
        if (value instanceof Record id && id.getClass().getRecordComponents().length == 1) {
            return toValue(readSingle(id));
        }
        if (value instanceof Record nested) {
            return toDocument(nested);
        }
        return value.toString();
    }

    private static Object readSingle(Record id) {
        try {
            return id.getClass().getRecordComponents()[0].getAccessor().invoke(id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
