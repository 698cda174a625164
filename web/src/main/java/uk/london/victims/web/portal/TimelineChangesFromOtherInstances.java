package uk.london.victims.web.portal;

import java.util.concurrent.TimeUnit;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import uk.london.victims.application.store.MongoStoreConfiguration.StoreConnection;
import uk.london.victims.projections.timeline.CaseTimelineChanged;
import uk.london.victims.projections.timeline.FindCaseTimelineQuery;

/**
 * Instances on one store share the timeline projection's segments out (ADR 0013), so the instance that
 * projects a case's event is often not the one holding the victim's open page, and Axon's update emitter
 * reaches only its own instance. Each instance therefore follows the event stream from its head, as its
 * processors do (it shares the event store's one poll of the store, so it adds no reads), and signals its
 * own open pages of a case when one of the case's events lands; the page then reads the timeline once it
 * has reached that version (ADR 0029). With the in-process store there is one instance, and the
 * projection's own signal is enough.
 */
@Component
class TimelineChangesFromOtherInstances implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TimelineChangesFromOtherInstances.class);

    private final EventStore events;
    private final QueryUpdateEmitter updates;
    private final boolean shared;
    private volatile boolean running;
    private Thread follower;

    TimelineChangesFromOtherInstances(EventStore events, QueryUpdateEmitter updates, StoreConnection store) {
        this.events = events;
        this.updates = updates;
        this.shared = store.embedded() == null;
    }

    @Override
    public void start() {
        if (!shared) {
            return;
        }
        running = true;
        follower = new Thread(this::follow, "timeline-changes");
        follower.setDaemon(true);
        follower.start();
    }

    private void follow() {
        TrackingToken position = null;
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(position == null ? events.createHeadToken() : position)) {
                while (running) {
                    if (!stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        continue;
                    }
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    position = event.trackingToken();
                    if (event instanceof DomainEventMessage<?> domain && "Case".equals(domain.getType())) {
                        String caseId = domain.getAggregateIdentifier();
                        updates.emit(FindCaseTimelineQuery.class, query -> query.caseId().equals(caseId),
                                new CaseTimelineChanged(caseId, domain.getSequenceNumber()));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // A lost store: open pages simply get nothing new until it is back, then resume from here.
                log.warn("Following the event stream for open case pages failed, trying again: {}", e.toString());
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (follower != null) {
            follower.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
