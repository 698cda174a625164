package uk.london.victims.application.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class SharedEventsTest {

    record Reported(String what) {
    }

    /** The event serializer, counting what it deserializes. */
    private static final class Counting implements Serializer {
        final JacksonSerializer delegate = JsonSerialization.serializer();
        final AtomicInteger deserialized = new AtomicInteger();

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            return delegate.serialize(object, expectedRepresentation);
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return delegate.canSerializeTo(expectedRepresentation);
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            deserialized.incrementAndGet();
            return delegate.deserialize(serializedObject);
        }

        @Override
        public Class classForType(SerializedType type) {
            return delegate.classForType(type);
        }

        @Override
        public SerializedType typeForClass(Class type) {
            return delegate.typeForClass(type);
        }

        @Override
        public Converter getConverter() {
            return delegate.getConverter();
        }
    }

    private final Counting serializer = new Counting();

    /** An event as a stream reading the store builds it: still serialized, with the stream's own token. */
    private TrackedEventMessage<?> read(String eventId, String what, TrackingToken token) {
        SerializedMessage<Object> message = new SerializedMessage<>(eventId, serializer.serialize(new Reported(what), String.class),
                serializer.serialize(MetaData.emptyInstance(), String.class), serializer);
        return new GenericTrackedDomainEventMessage<>(token, "Case", "case-0001", 0, message, () -> Instant.EPOCH);
    }

    @Test
    void processorsReadingTheSamePositionShareOneDeserializedPayloadUnderTheirOwnTokens() {
        SharedEvents shared = new SharedEvents(16);
        TrackingToken ledgerToken = GapAwareTrackingToken.newInstance(40, List.of());
        TrackingToken timelineToken = GapAwareTrackingToken.newInstance(40, List.of(38L));

        TrackedEventMessage<?> first = shared.share(read("event-40", "burglary", ledgerToken));
        TrackedEventMessage<?> second = shared.share(read("event-40", "burglary", timelineToken));

        assertThat(second.getPayload()).isSameAs(first.getPayload()).isEqualTo(new Reported("burglary"));
        assertThat(second.trackingToken()).isEqualTo(timelineToken);
        assertThat(first.trackingToken()).isEqualTo(ledgerToken);
        assertThat(serializer.deserialized.get()).isEqualTo(1);
        assertThat(second.getIdentifier()).isEqualTo("event-40");
    }

    @Test
    void aPositionReusedByALaterEventHoldsTheLaterEvent() {
        SharedEvents shared = new SharedEvents(16);
        TrackedEventMessage<?> first = shared.share(read("event-3", "theft", new GlobalSequenceTrackingToken(3)));
        // Position 19 falls in the same slot as 3 (16 slots): it is another event, never taken for the one held.
        TrackedEventMessage<?> later = shared.share(read("event-19", "robbery", new GlobalSequenceTrackingToken(19)));
        TrackedEventMessage<?> again = shared.share(read("event-19", "robbery", new GlobalSequenceTrackingToken(19)));
        TrackedEventMessage<?> old = shared.share(read("event-3", "theft", new GlobalSequenceTrackingToken(3)));

        assertThat(first.getPayload()).isEqualTo(new Reported("theft"));
        assertThat(later.getPayload()).isEqualTo(new Reported("robbery"));
        assertThat(again.getPayload()).isSameAs(later.getPayload());
        assertThat(old.getPayload()).isEqualTo(new Reported("theft"));
        assertThat(serializer.deserialized.get()).isEqualTo(3);
    }

    @Test
    void anEventWithoutAPositionIsHandedOnAsItIs() {
        SharedEvents shared = new SharedEvents(16);
        TrackedEventMessage<?> message = read("event-x", "fraud", null);
        assertThat(shared.share(message)).isSameAs(message);
    }

    @Test
    void theSlotsArePowersOfTwo() {
        assertThatThrownBy(() -> new SharedEvents(1000)).isInstanceOf(IllegalArgumentException.class);
    }
}
