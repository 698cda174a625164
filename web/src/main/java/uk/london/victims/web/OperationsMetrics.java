package uk.london.victims.web;

import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import uk.london.victims.application.store.MongoEventStorageEngine;
import uk.london.victims.projections.ledger.ObligationLedgerProjection;

/**
 * Gauges read when Prometheus scrapes (ADR 0030): how far each projection is behind the event store, and
 * how many obligations have gone overdue. Each costs one {@code _id} read or a collection's count.
 */
@Component
class OperationsMetrics implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final MongoEventStorageEngine events;
    private final MongoDatabase database;

    OperationsMetrics(EventProcessingConfiguration processing, MongoEventStorageEngine events, MongoDatabase database) {
        this.processing = processing;
        this.events = events;
        this.database = database;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("vjt.projection.lag", () -> lag(streaming))
                     .description("Events stored but not yet processed by this instance's segments of the processor "
                                  + "(absent while it holds none)")
                     .baseUnit("events").tag("processor", name).register(registry);
            }
        });
        Gauge.builder("vjt.obligations.overdue",
                      () -> database.getCollection(ObligationLedgerProjection.BREACHES).estimatedDocumentCount())
             .description("Obligations whose deadline passed while they were still open, found by the sweep (all time)")
             .register(registry);
        // At zero from the start, so a rate is defined before the first one happens.
        registry.counter("vjt.portal.sign-in.failures");
        registry.counter("vjt.portal.sign-in.locks");
    }

    /** The store's last position less the position of this instance's slowest segment; NaN without a segment. */
    private double lag(StreamingEventProcessor processor) {
        OptionalLong slowest = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1L))
                .min();
        if (slowest.isEmpty()) {
            return Double.NaN;
        }
        return Math.max(0, events.lastReservedPosition() - slowest.getAsLong());
    }
}
