package uk.london.victims.application.axon;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * The events the streaming processors read most recently, one per position, so that processors reading the same
 * stretch of history handle one copy of each event and deserialize its payload once.
 *
 * <p>A processor that is behind (catching up, or replaying) reads the store through a stream of its own, and each
 * such stream builds its own messages: five read models replaying a history deserialized every event five times, and
 * parsed its timestamp five times, about a quarter of a replay's CPU (issue 14). A message deserializes its payload
 * on first use and keeps it, and its payload and metadata are immutable, so a processor can be handed the copy
 * another one read, under its own tracking token ({@link TrackedEventMessage#withTrackingToken}). Processors near
 * the head already share one copy through Axon's embedded event store; this does the same for those behind it, as
 * long as they are within {@link #SLOTS} positions of one another.
 */
final class SharedEvents {

    /**
     * Positions held. A processor's coordinator reads up to about a thousand events ahead per segment; this covers
     * several processors' read-ahead, at a few kilobytes per event held.
     */
    static final int SLOTS = 8192;

    private final AtomicReferenceArray<TrackedEventMessage<?>> slots;
    private final int mask;

    SharedEvents() {
        this(SLOTS);
    }

    /** @param slots a power of two */
    SharedEvents(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.slots = new AtomicReferenceArray<>(slots);
        this.mask = slots - 1;
    }

    /**
     * The copy of this event that another stream read first, with this message's tracking token; else this message,
     * kept for the streams that read its position next.
     */
    TrackedEventMessage<?> share(TrackedEventMessage<?> message) {
        OptionalLong position = message.trackingToken() == null ? OptionalLong.empty() : message.trackingToken().position();
        if (position.isEmpty()) {
            return message;
        }
        int slot = (int) (position.getAsLong() & mask);
        TrackedEventMessage<?> held = slots.get(slot);
        // An event's identifier is unique in the store: the same identifier is the same event, at the same position.
        if (held != null && held.getIdentifier().equals(message.getIdentifier())) {
            return held == message ? message : held.withTrackingToken(message.trackingToken());
        }
        slots.set(slot, message);
        return message;
    }
}
