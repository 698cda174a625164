package uk.london.victims.application.axon;

import java.util.List;

import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.HearingId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.people.PersonId;

/** The one JSON shape for everything the store keeps: events, snapshots, tokens and sagas. */
public final class JsonSerialization {

    private JsonSerialization() {
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(typedIds())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Stored events outlive the code: a field added later must not break reading old ones.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Snapshots hold an aggregate's private state, which has no getters by design: read and write its
     * fields directly.
     */
    public static JacksonSerializer snapshotSerializer() {
        ObjectMapper mapper = objectMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    /** Typed ids as plain JSON strings; also registered with the web layer's ObjectMapper. */
    public static Module typedIds() {
        SimpleModule module = new SimpleModule("typed-ids");
        for (Class<?> id : List.of(CaseId.class, SuspectId.class, HearingId.class, PersonId.class)) {
            module.setMixInAnnotation(id, SingleValueMixin.class);
        }
        return module;
    }

    /**
     * Typed ids are stored as their plain value ({@code "caseId": "…"}), while the domain stays free of
     * Jackson annotations.
     */
    abstract static class SingleValueMixin {
        @JsonCreator
        SingleValueMixin(String value) {
        }

        @JsonValue
        abstract String value();
    }

    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).build();
    }
}
