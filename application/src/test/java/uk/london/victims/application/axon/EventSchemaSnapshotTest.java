package uk.london.victims.application.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.HearingId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/**
 * Stored events outlive the code that wrote them. Each event's stored JSON is pinned in
 * {@code src/test/resources/event-schemas/<Event>.v<revision>.json}: changing a stored shape fails here,
 * and the fix is a new revision with an upcaster, never an edit of the pinned file.
 */
class EventSchemaSnapshotTest {

    private final JacksonSerializer serializer = JsonSerialization.serializer();

    static Stream<Class<?>> events() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        List<Class<?>> events = scanner.findCandidateComponents("uk.london.victims.domain").stream()
                .map(BeanDefinition::getBeanClassName).map(EventSchemaSnapshotTest::load)
                // The case aggregate carries a revision too, for its snapshots; events are records.
                .filter(Class::isRecord).toList();
        assertThat(events).as("events found on the classpath").isNotEmpty();
        return events.stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void theStoredShapeOfEachEventIsPinned(Class<?> type) throws Exception {
        Object sample = sample(type);
        String revision = type.getAnnotation(Revision.class).value();
        SerializedObject<String> stored = serializer.serialize(sample, String.class);
        String name = type.getSimpleName() + ".v" + revision + ".json";
        String pretty = JsonSerialization.objectMapper().readTree(stored.getData()).toPrettyString() + "\n";

        String pinned = read("/event-schemas/" + name);
        if (!pretty.equals(pinned)) {
            Path proposal = Path.of("target", "event-schemas", name);
            Files.createDirectories(proposal.getParent());
            Files.writeString(proposal, pretty);
        }
        assertThat(pinned).as("pinned shape of %s (a proposal was written to target/event-schemas/%s)", type.getSimpleName(), name)
                          .isEqualTo(pretty);
        Object readBack = serializer.deserialize(stored);
        assertThat(readBack).isEqualTo(sample);
    }

    /**
     * Stored events are named by class (Axon's default type naming): moving or renaming an event would
     * leave its stored history unreadable while the shape test above still passed (ADR 0037).
     */
    @ParameterizedTest
    @MethodSource("events")
    void eachEventIsStoredUnderANameHistoryKnows(Class<?> type) throws Exception {
        SerializedObject<String> stored = serializer.serialize(sample(type), String.class);
        assertThat(storedTypeNames())
                .as("%s is stored as %s, a name not in event-schemas/stored-type-names.txt: a moved or renamed event "
                    + "needs its old name mapped and a new line here, never a changed one", type.getSimpleName(),
                    stored.getType().getName())
                .contains(stored.getType().getName());
    }

    @Test
    void everyNameEventsWereStoredUnderStillLoads() throws IOException {
        List<String> names = storedTypeNames();
        assertThat(names).hasSizeGreaterThanOrEqualTo((int) events().count());
        for (String name : names) {
            assertThat(serializer.classForType(new SimpleSerializedType(name, "1")))
                    .as("the class stored events of type %s are read into", name)
                    .isNotEqualTo(UnknownSerializedType.class);
        }
    }

    private static List<String> storedTypeNames() throws IOException {
        return read("/event-schemas/stored-type-names.txt").lines()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** A deterministic instance: every component gets a fixed sample value of its type. */
    private static Object sample(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = Arrays.stream(components).map(c -> sampleValue(c.getGenericType(), c.getName())).toArray();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object sampleValue(Type generic, String name) {
        if (generic instanceof ParameterizedType collection) {
            Object element = sampleValue(collection.getActualTypeArguments()[0], name);
            return collection.getRawType() == Set.class ? Set.of(element) : List.of(element);
        }
        Class<?> type = (Class<?>) generic;
        if (type == CaseId.class) {
            return new CaseId("case-0000-0001");
        }
        if (type == SuspectId.class) {
            return new SuspectId("S1");
        }
        if (type == HearingId.class) {
            return new HearingId("H1");
        }
        if (type == PersonId.class) {
            return new PersonId("person-0001");
        }
        if (type == Sealed.class) {
            return new Sealed(new PersonId("person-0001"), "v1:sealed-sample");
        }
        if (type == Instant.class) {
            return Instant.parse("2026-03-01T20:15:00.123456Z");
        }
        if (type == String.class) {
            return "sample " + name;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == Long.class || type == long.class) {
            return 7L;
        }
        if (type == Integer.class || type == int.class) {
            return 18;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        throw new IllegalStateException("Add a sample value for " + type.getName() + " (component " + name + ")");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = EventSchemaSnapshotTest.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
