package uk.london.victims.projections.support;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.bson.Document;

import uk.london.victims.domain.people.Sealed;

/**
 * Turns an event record into the document a read model keeps: enums by name, typed ids by value, times
 * as ISO text, and sealed personal data still sealed (opened only when someone entitled reads it).
 */
public final class RecordDocuments {

    /**
     * A record type's components, looked up once per type: asking the class for them again builds new
     * reflection objects and parses generic signatures each time, which showed in every read model's reads
     * (a work list turns up to a thousand obligations back into records).
     */
    private record Shape(String[] names, Class<?>[] types, java.lang.reflect.Type[] generics,
                         java.lang.reflect.Method[] accessors, java.lang.reflect.Constructor<?> constructor) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Class<?>[] types = new Class<?>[components.length];
            java.lang.reflect.Type[] generics = new java.lang.reflect.Type[components.length];
            java.lang.reflect.Method[] accessors = new java.lang.reflect.Method[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getType();
                generics[i] = components[i].getGenericType();
                accessors[i] = components[i].getAccessor();
            }
            try {
                return new Shape(names, types, generics, accessors, type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("No canonical constructor on " + type.getSimpleName(), e);
            }
        }
    };

    private RecordDocuments() {
    }

    public static Document toDocument(Record event) {
        Document document = new Document();
        Shape shape = SHAPES.get(event.getClass());
        for (int i = 0; i < shape.names().length; i++) {
            if (shape.names()[i].equals("caseId")) {
                continue;
            }
            try {
                Object value = shape.accessors()[i].invoke(event);
                if (value != null) {
                    document.append(shape.names()[i], toValue(value));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + shape.names()[i], e);
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
        if (value instanceof Record id && SHAPES.get(id.getClass()).names().length == 1) {
            return toValue(readSingle(id));
        }
        if (value instanceof Record nested) {
            return toDocument(nested);
        }
        return value.toString();
    }

    /**
     * The record back from a document {@link #toDocument} wrote, component by component, so a component
     * added to the record is carried without code here: absent components read as null (or 0, false).
     */
    public static <R extends Record> R fromDocument(Class<R> type, Document document) {
        Shape shape = SHAPES.get(type);
        Object[] values = new Object[shape.names().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = fromValue(shape.generics()[i], shape.types()[i], document.get(shape.names()[i]));
        }
        return construct(type, shape, values);
    }

    /** A list's elements read back as its declared element type (enums by name), so a copy equals the original. */
    private static Object fromValue(java.lang.reflect.Type generic, Class<?> type, Object value) {
        if (value instanceof List<?> list && generic instanceof java.lang.reflect.ParameterizedType parameterized
            && parameterized.getActualTypeArguments()[0] instanceof Class<?> element && element != Object.class) {
            List<Object> elements = list.stream().map(v -> fromValue(element, v)).toList();
            return Set.class.isAssignableFrom(type) ? Set.copyOf(elements) : elements;
        }
        return fromValue(type, value);
    }

    private static <R extends Record> R construct(Class<R> type, Shape shape, Object[] values) {
        try {
            return type.cast(shape.constructor().newInstance(values));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getSimpleName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object fromValue(Class<?> type, Object value) {
        if (value == null) {
            if (type == long.class) {
                return 0L;
            }
            if (type == int.class) {
                return 0;
            }
            if (type == boolean.class) {
                return false;
            }
            if (type == double.class) {
                return 0.0;
            }
            return null;
        }
        if (type == String.class) {
            return value.toString();
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, value.toString());
        }
        if (type == Instant.class) {
            return IsoInstants.parse(value.toString());
        }
        if (type == java.time.Duration.class) {
            return java.time.Duration.parse(value.toString());
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(value.toString());
        }
        if (type == long.class || type == Long.class) {
            return ((Number) value).longValue();
        }
        if (type == int.class || type == Integer.class) {
            return ((Number) value).intValue();
        }
        if (type == double.class || type == Double.class) {
            return ((Number) value).doubleValue();
        }
        if (type == boolean.class || type == Boolean.class) {
            return value;
        }
        if (Record.class.isAssignableFrom(type) && value instanceof Document nested) {
            return fromDocument((Class<? extends Record>) type, nested);
        }
        return value;
    }

    private static Object readSingle(Record id) {
        try {
            return SHAPES.get(id.getClass()).accessors()[0].invoke(id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
