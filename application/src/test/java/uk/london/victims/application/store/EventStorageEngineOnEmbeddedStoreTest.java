package uk.london.victims.application.store;

class EventStorageEngineOnEmbeddedStoreTest extends EventStorageEngineContract {

    @Override
    protected StoreBackend startBackend() {
        return StoreBackend.embedded();
    }
}
