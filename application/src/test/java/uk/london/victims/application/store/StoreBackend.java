package uk.london.victims.application.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.testcontainers.containers.MongoDBContainer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * Where an integration test's MongoDB comes from. The same test classes run on both: the embedded
 * store everywhere, and a real MongoDB (a one-member replica set in a container) where Docker exists.
 */
public sealed interface StoreBackend extends AutoCloseable {

    /** A connection string for the Spring context or a MongoClient. */
    String connectionString();

    default MongoClient newClient() {
        return MongoClients.create(connectionString());
    }

    /** A fresh, uniquely named database so tests do not see each other's data. */
    default MongoDatabase freshDatabase(MongoClient client) {
        return client.getDatabase("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    @Override
    void close();

    static StoreBackend embedded() {
        return new Embedded();
    }

    static StoreBackend container() {
        return new Container();
    }

    final class Embedded implements StoreBackend {
        private final Path directory;
        private final EmbeddedMongoStore store;

        Embedded() {
            try {
                directory = Files.createTempDirectory("vjt-store-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            store = EmbeddedMongoStore.start(directory, "127.0.0.1", 0);
        }

        @Override
        public String connectionString() {
            return store.connectionString();
        }

        @Override
        public void close() {
            store.close();
        }
    }

    final class Container implements StoreBackend {
        private final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");

        Container() {
            mongo.start();
        }

        @Override
        public String connectionString() {
            return mongo.getReplicaSetUrl();
        }

        @Override
        public void close() {
            mongo.stop();
        }
    }
}
