package uk.london.victims.application.personaldata;

import org.testcontainers.junit.jupiter.Testcontainers;

import uk.london.victims.application.store.StoreBackend;

/** The same contract on a real MongoDB; skipped, with that reason, where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class VaultOnMongoDbTest extends VaultContract {

    @Override
    protected StoreBackend startBackend() {
        return StoreBackend.container();
    }
}
