package uk.london.victims.application.personaldata;

import java.security.SecureRandom;
import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

import uk.london.victims.application.store.EmbeddedMongoStore;
import uk.london.victims.application.store.MongoStoreConfiguration.StoreConnection;
import uk.london.victims.application.store.StoreProperties;
import uk.london.victims.domain.people.PersonalDataVault;

/** The personal-data vault on the service's MongoDB, with its master key from configuration (ADR 0007). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VaultProperties.class)
public class PersonalDataVaultConfiguration {

    @Bean
    PersonalDataVault personalDataVault(MongoDatabase database, VaultProperties vault, StoreProperties store,
                                        StoreConnection connection, Clock clock) {
        MasterKey masterKey = MasterKeySource.resolve(vault, store, new SecureRandom());
        EmbeddedMongoStore embedded = connection.embedded();
        MongoPersonalDataVault personalDataVault = new MongoPersonalDataVault(database, masterKey, clock,
                vault.keyCacheTtl(), vault.keyCacheSize(),
                embedded == null ? MongoPersonalDataVault.DeletedKeyShredder.NONE : embedded::shred);
        personalDataVault.checkMasterKey();
        return personalDataVault;
    }
}
