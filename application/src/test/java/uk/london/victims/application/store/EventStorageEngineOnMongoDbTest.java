package uk.london.victims.application.store;

/** The same contract on a real MongoDB; skipped, with that reason, where there is no Docker engine. */
@RequiresDocker
class EventStorageEngineOnMongoDbTest extends EventStorageEngineContract {

    @Override
    protected StoreBackend startBackend() {
        return StoreBackend.container();
    }
}
