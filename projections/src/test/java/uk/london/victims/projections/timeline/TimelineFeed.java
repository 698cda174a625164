package uk.london.victims.projections.timeline;

import org.axonframework.eventhandling.DomainEventMessage;

/** Lets tests in other packages hand events to the timeline projection, as its processor would. */
public final class TimelineFeed {

    private TimelineFeed() {
    }

    public static void handle(CaseTimelineProjection projection, DomainEventMessage<?> message) {
        projection.on(message.getPayload(), message);
    }
}
