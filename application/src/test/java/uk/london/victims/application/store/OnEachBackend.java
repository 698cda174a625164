package uk.london.victims.application.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/**
 * One store per test class, started by the subclass's choice of backend (embedded, or MongoDB in a
 * container), and a fresh database per test, dropped after it: the shared life cycle of the contract tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OnEachBackend {

    private StoreBackend backend;
    private MongoClient client;
    /** This test's own database. */
    protected MongoDatabase database;

    protected abstract StoreBackend startBackend();

    @BeforeAll
    void startStore() {
        backend = startBackend();
        client = backend.newClient();
    }

    @AfterAll
    void stopStore() {
        client.close();
        backend.close();
    }

    @BeforeEach
    void freshDatabase() {
        database = backend.freshDatabase(client);
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    /** Another connection to the same store, as a second service instance would have. */
    protected MongoClient newClient() {
        return backend.newClient();
    }

    /** A second fresh database on the same store. */
    protected MongoDatabase anotherDatabase() {
        return backend.freshDatabase(client);
    }
}
