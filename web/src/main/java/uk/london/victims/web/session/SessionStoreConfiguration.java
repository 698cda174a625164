package uk.london.victims.web.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.session.data.mongo.JacksonMongoSessionConverter;
import org.springframework.session.data.mongo.ReactiveMongoSessionRepository;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import uk.london.victims.application.store.MongoStoreConfiguration.StoreConnection;
import uk.london.victims.application.store.StoreProperties;

/**
 * Portal and staff sessions in the shared store through Spring Session's reactive MongoDB repository
 * (ADR 0029), so any instance serves any request and no load balancer needs sticky sessions. Session
 * documents are JSON (Jackson), never Java-serialized; ids are stored hashed; who is signed in is plain
 * strings ({@link PlainSecurityContextRepository}).
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
public class SessionStoreConfiguration {

    public static final String COLLECTION = "web_sessions";

    /** The reactive driver Spring Session needs, on the same store and with the same write guarantees. */
    @Bean(destroyMethod = "close")
    MongoClient sessionStoreClient(StoreConnection connection) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connection.connectionString()))
                .applyToSocketSettings(s -> s.connectTimeout(5, TimeUnit.SECONDS))
                .applyToClusterSettings(s -> s.serverSelectionTimeout(10, TimeUnit.SECONDS));
        if (connection.embedded() == null) {
            settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    ReactiveMongoTemplate sessionStoreOperations(MongoClient sessionStoreClient, StoreProperties store) {
        return new ReactiveMongoTemplate(sessionStoreClient, store.database());
    }

    /**
     * @param idle how long a session lasts unused until sign-in sets its own limit (the portal's is shorter)
     */
    @Bean
    HashedIdSessionRepository reactiveSessionRepository(ReactiveMongoTemplate sessionStoreOperations,
                                                        @Value("${server.reactive.session.timeout:30m}") Duration idle,
                                                        ApplicationEventPublisher events) {
        ReactiveMongoSessionRepository repository = new ReactiveMongoSessionRepository(sessionStoreOperations);
        repository.setApplicationEventPublisher(events);
        repository.setCollectionName(COLLECTION);
        repository.setDefaultMaxInactiveInterval(idle);
        repository.setMongoSessionConverter(new JacksonMongoSessionConverter());
        return new HashedIdSessionRepository(repository, idle);
    }

    /**
     * On MongoDB the store itself removes sessions once expired (a TTL index on the library's {@code expireAt});
     * the embedded store ignores it, and an expired session there is never served, only left behind.
     * Idempotent: creating an index that exists with the same options does nothing.
     */
    @Bean
    SmartInitializingSingleton sessionExpiryIndex(MongoDatabase database) {
        return () -> database.getCollection(COLLECTION).createIndex(Indexes.ascending("expireAt"),
                new IndexOptions().name("expireAt").expireAfter(0L, TimeUnit.SECONDS));
    }

    @Bean
    PlainSecurityContextRepository plainSecurityContextRepository(List<SignedInCodec> codecs) {
        return new PlainSecurityContextRepository(codecs);
    }
}
