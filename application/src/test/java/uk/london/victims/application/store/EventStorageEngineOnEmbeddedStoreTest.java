package uk.london.victims.application.store;

import com.mongodb.WriteConcern;

class EventStorageEngineOnEmbeddedStoreTest extends EventStorageEngineContract {

    @Override
    protected StoreBackend startBackend() {
        return StoreBackend.embedded();
    }

    @Override
    protected WriteConcern interimWriteConcern() {
        return WriteConcern.ACKNOWLEDGED.withJournal(false);
    }
}
