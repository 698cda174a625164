package uk.london.victims.application.axon;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

import jakarta.annotation.PreDestroy;

/**
 * Shares each streaming processor's segments fairly between the instances on one store (ADR 0013).
 *
 * <p>Without Axon Server nothing rebalances: the first instance to start claims every segment and keeps
 * them, so a second instance would only ever be a standby. Each instance therefore says it is alive
 * every {@code balanceEvery}, and one holding more than its fair share of a processor's segments releases
 * the surplus for a while, for an instance with fewer to claim. An instance that stops saying it is alive
 * drops out of the count before its claims expire, so the survivors' fair share already covers its
 * segments when they become claimable and nothing is released back and forth.
 */
@Component
public class SegmentBalancer {

    public static final String INSTANCES = "service_instances";
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    /** Axon's token stores name a claim's owner this way by default, so the two names agree. */
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final MongoCollection<Document> instances;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final TokenStore tokenStore;
    private final AxonProperties properties;
    private final Clock clock;

    SegmentBalancer(MongoDatabase database, ObjectProvider<EventProcessingConfiguration> processing,
                    TokenStore tokenStore, AxonProperties properties, Clock clock) {
        this.instances = database.getCollection(INSTANCES);
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${vjt.axon.balance-every:2s}")
    public void balance() {
        Instant now = clock.instant();
        instances.replaceOne(eq("_id", instance), new Document("_id", instance).append("seenAt", Date.from(now)),
                new ReplaceOptions().upsert(true));
        long live = Math.max(1, instances.countDocuments(gte("seenAt", Date.from(now.minus(properties.instanceLiveness())))));
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        if (configuration == null) {
            return;
        }
        configuration.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .forEach(processor -> shareOut(processor, live));
    }

    private void shareOut(StreamingEventProcessor processor, long live) {
        int segments = tokenStore.fetchSegments(processor.getName()).length;
        long fairShare = (segments + live - 1) / live;
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        long surplus = held.size() - fairShare;
        for (int i = 0; i < surplus; i++) {
            int segment = held.get(held.size() - 1 - i);
            log.info("Releasing segment {} of {} for another of {} instances", segment, processor.getName(), live);
            // Long enough for another instance's coordinator to look for unclaimed segments a few times.
            processor.releaseSegment(segment, properties.tokenClaimInterval().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void leave() {
        instances.deleteOne(eq("_id", instance));
    }

    String instance() {
        return instance;
    }

    static Duration liveness(Duration tokenClaimTimeout, Duration balanceEvery) {
        // Shorter than the claim timeout, so a dead instance leaves the count before its claims expire;
        // several heartbeats long, so a slow one is not counted out.
        Duration half = tokenClaimTimeout.dividedBy(2);
        Duration threeBeats = balanceEvery.multipliedBy(3);
        return half.compareTo(threeBeats) > 0 ? half : threeBeats;
    }
}
