package uk.london.victims.application.store;

import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The one MongoDB the service uses: a real one when {@code MONGODB_URI} is set, else the embedded store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
public class MongoStoreConfiguration {

    @Bean(destroyMethod = "close")
    StoreConnection storeConnection(StoreProperties properties, ObjectProvider<MeterRegistry> registry) {
        if (properties.embedded()) {
            EmbeddedMongoStore store = EmbeddedMongoStore.start(properties.dataDirectory(), "127.0.0.1",
                    properties.embeddedPort(), EmbeddedMongoStore.Tuning.forThisHeap().withHousekeeping(
                            (int) properties.housekeepingBytes().toBytes(), (int) properties.housekeepingEvery().toMillis()),
                    registry.getIfAvailable(SimpleMeterRegistry::new));
            return new StoreConnection(store.connectionString(), store);
        }
        return new StoreConnection(properties.uri(), null);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreConnection connection, ObjectProvider<CommandListener> commandListeners) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connection.connectionString()))
                .applyToSocketSettings(s -> s.connectTimeout(5, TimeUnit.SECONDS))
                .applyToClusterSettings(s -> s.serverSelectionTimeout(10, TimeUnit.SECONDS));
        // Whoever watches the commands sent to the store: metrics, and the test that checks each query has an index.
        commandListeners.orderedStream().forEach(settings::addCommandListener);
        if (connection.embedded() == null) {
            // An acknowledged command must survive the loss of the primary: majority, journaled.
            settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
        }
        return MongoClients.create(settings.build());
    }

    /** The database as durable as the store makes it; read models write through a second view of it (ADR 0054). */
    @Bean
    @Primary
    MongoDatabase mongoDatabase(MongoClient client, StoreProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    EventStoreHealthIndicator eventStoreHealthIndicator(MongoDatabase database, StoreConnection connection) {
        return new EventStoreHealthIndicator(database, connection.embedded() != null);
    }

    /** The connection string in use, and the embedded store when the service started one. */
    public record StoreConnection(String connectionString, EmbeddedMongoStore embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
