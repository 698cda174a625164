package uk.london.victims.application.personaldata;

import uk.london.victims.application.store.StoreBackend;

class VaultOnEmbeddedStoreTest extends VaultContract {

    @Override
    protected StoreBackend startBackend() {
        return StoreBackend.embedded();
    }
}
