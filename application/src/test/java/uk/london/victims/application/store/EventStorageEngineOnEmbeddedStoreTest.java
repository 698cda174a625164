package uk.london.victims.application.store;

class EventStorageEngineOnEmbeddedStoreTest extends EventStorageEngineContract {

    @Override
    StoreBackend startBackend() {
        return StoreBackend.embedded();
    }
}
