package uk.london.victims.application.personaldata;


import uk.london.victims.application.store.RequiresDocker;
import uk.london.victims.application.store.StoreBackend;

/** The same contract on a real MongoDB; skipped, with that reason, where there is no Docker engine. */
@RequiresDocker
class VaultOnMongoDbTest extends VaultContract {

    @Override
    protected StoreBackend startBackend() {
        return StoreBackend.container();
    }
}
