package uk.london.victims.application.axon;

import java.time.Clock;
import java.time.Duration;

import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.mongodb.client.MongoDatabase;

import uk.london.victims.application.store.MongoEventStorageEngine;
import uk.london.victims.application.store.StoreProperties;
import uk.london.victims.domain.cases.Cases;
import uk.london.victims.domain.cases.CrimeRecordedEvent;
import uk.london.victims.domain.cases.CrimeReferences;

/** Axon on MongoDB: our event storage engine, the extension's token and saga stores, snapshots and a cache. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AxonProperties.class)
public class AxonConfiguration {

    /** Where the processors' tokens are kept (MongoTokenStore). */
    static final String TRACKING_TOKENS = "tracking_tokens";

    /** How often idle streaming processors look at their stream (see PromptEventSource). */
    private static final Duration PROCESSOR_NUDGE_INTERVAL = Duration.ofMillis(20);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JsonSerialization.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return JsonSerialization.serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JsonSerialization.serializer();
    }

    @Bean
    MongoEventStorageEngine eventStorageEngine(MongoDatabase database, StoreProperties store, Clock clock,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer) {
        return MongoEventStorageEngine.builder()
                .database(database)
                .clock(clock)
                .gapTimeout(store.gapTimeout())
                // Only the embedded store is known to honour j:false as "apply, commit with the next
                // durable write" (ADR 0014); MongoDB keeps majority, journaled writes throughout.
                .interimWriteConcern(store.embedded() ? StoreProperties.NOT_AWAITED : null)
                .batchSize(store.batchSize())
                // A crime reference names one case in the force: a second case recording it is refused (ADR 0018).
                .uniqueValue(message -> message.getPayload() instanceof CrimeRecordedEvent recorded
                        ? CrimeReferences.uniqueValue(recorded.crimeReference()) : null)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(JsonSerialization.snapshotSerializer())
                // A snapshot of an older shape of the case would come back with fields missing (such as
                // who may act on it): such a snapshot is ignored and the case rebuilt from its events.
                .snapshotFilter(RevisionSnapshotFilter.builder().type(Cases.AGGREGATE).revision(Cases.REVISION).build())
                .build();
    }

    /**
     * Axon's own event store bean, but polling the storage engine every {@code eventPollInterval} instead of
     * every second: measured, events reached the projections a uniform 0–1 s after their command (p50
     * about 500 ms), the default poll interval, which also bounds how soon another instance's events arrive.
     *
     * <p>It also looks for streams left behind its shared window of events every {@link #STREAMS_BEHIND_CHECK}
     * instead of every 10 s (ADR 0039). Its reader fills that window as fast as the store yields events, and a
     * processor's stream still in the window holds every event read after its position until the check sends
     * it to read on its own: after a history import, with the read models far behind, 10 s was about 600,000
     * events, and the million-event benchmark ran out of its 1 GB heap.
     */
    static final Duration STREAMS_BEHIND_CHECK = Duration.ofMillis(200);

    @Bean("eventBus")
    EmbeddedEventStore eventStore(MongoEventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  AxonProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.eventPollInterval().toMillis())
                .cleanupDelay(STREAMS_BEHIND_CHECK.toMillis())
                .build();
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase database) {
        return axonTemplate(database);
    }

    private static MongoTemplate axonTemplate(MongoDatabase database) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(database)
                .trackingTokensCollectionName(TRACKING_TOKENS)
                .sagasCollectionName("sagas")
                .build();
    }

    /** Read models' tokens are written as their documents are; the other processors' durably (ADR 0054). */
    @Bean
    TokenStore tokenStore(MongoTemplate template, MongoDatabase database, Serializer serializer, AxonProperties properties,
                          StoreProperties store, ObjectProvider<EventProcessingConfiguration> processing) {
        TokenStore durable = tokenStore(template, serializer, properties);
        if (!store.embedded()) {
            return durable;
        }
        TokenStore rebuildable = tokenStore(axonTemplate(store.forRebuildableWrites(database)), serializer, properties);
        return new TokenStoreByProcessor(durable, rebuildable, name -> processing.getObject()
                .eventProcessor(name, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::supportsReset));
    }

    private static TokenStore tokenStore(MongoTemplate template, Serializer serializer, AxonProperties properties) {
        return MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(serializer)
                .claimTimeout(properties.tokenClaimTimeout())
                .build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate template, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(template).serializer(serializer).build();
    }

    /**
     * Carries a request's idempotency key from the command to the events it produces, where the event
     * store records it in the same atomic append (see {@link MongoEventStorageEngine}).
     */
    @Bean
    CorrelationDataProvider idempotencyKeyCarrier() {
        return new SimpleCorrelationDataProvider(MongoEventStorageEngine.IDEMPOTENCY_KEY,
                MongoEventStorageEngine.REQUEST_FINGERPRINT);
    }

    @Bean(destroyMethod = "close")
    CacheManager aggregateCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    @Bean
    @SuppressWarnings("unchecked")
    Cache caseCache(CacheManager cacheManager, AxonProperties properties, StoreProperties store,
                    MongoEventStorageEngine events) {
        // A heap-only cache manager hands out Ehcache instances, which is what Axon's adapter takes.
        Ehcache<Object, Object> cases = (Ehcache<Object, Object>) cacheManager.createCache("cases",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(properties.cachedCases())).build());
        // The in-process embedded store has one writer, this instance; any other store may have several.
        return store.embedded() ? new EhCache3Adapter(cases) : new StoreCheckedCache(cases, events);
    }

    @Bean
    ConfigurerModule caseAggregate(Cache caseCache, AxonProperties properties) {
        return configurer -> configurer
                .configureAggregate(eventSourced(Cases.AGGREGATE, caseCache, properties.snapshotThreshold()))
                // Streaming processors that split work into segments a second instance can claim.
                // Built inside Axon's configuration: a Spring bean would depend on the event store, which
                // depends on the configuration this module contributes to.
                .registerComponent(PromptEventSource.class, config -> {
                    PromptEventSource source = new PromptEventSource(config.eventStore(), PROCESSOR_NUDGE_INTERVAL);
                    config.onShutdown(source::close);
                    return source;
                })
                .eventProcessing(processing -> processing
                        .usingPooledStreamingEventProcessors()
                        // Axon's default logs a failed handler and moves on, so a read model write lost to
                        // a store restart skipped that event for good (seen under kill -9 of the store).
                        // Failing the batch instead makes the processor retry it from its last token; every
                        // handler is idempotent per case version, so the retry is safe.
                        .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                        .configureDefaultStreamableMessageSource(config -> config.getComponent(PromptEventSource.class))
                        // The default of one event per batch writes the token after every event; a batch
                        // shares one token write and is still retried whole after a failure.
                        .registerPooledStreamingEventProcessorConfiguration((config, builder) -> builder
                                .batchSize(properties.processorBatchSize())
                                .tokenClaimInterval(properties.tokenClaimInterval().toMillis())
                                .initialSegmentCount(properties.processorSegments())));
    }

    /**
     * Spring's snapshotter finds the aggregates it can snapshot through their factory beans; ours carry
     * no Spring stereotype (the domain module has no Spring), so the factory is declared here.
     */
    @Bean
    AggregateFactory<?> caseAggregateFactory() {
        return new GenericAggregateFactory<>(Cases.AGGREGATE);
    }

    private static <A> AggregateConfigurer<A> eventSourced(Class<A> type, Cache cache, int snapshotThreshold) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureCache(config -> cache)
                // An If-Match is checked by the case itself, after it has decided the sender may see it (ADR 0018).
                .configureCommandTargetResolver(config -> AnnotationCommandTargetResolver.builder().build())
                .configureSnapshotTrigger(config ->
                        new EventCountSnapshotTriggerDefinition(config.snapshotter(), snapshotThreshold));
    }
}
