package uk.london.victims.application.store;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The same contract on a real MongoDB; skipped, with that reason, where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class EventStorageEngineOnMongoDbTest extends EventStorageEngineContract {

    @Override
    protected StoreBackend startBackend() {
        return StoreBackend.container();
    }
}
