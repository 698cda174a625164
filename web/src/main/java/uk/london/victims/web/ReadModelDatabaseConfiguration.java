package uk.london.victims.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

import uk.london.victims.application.store.StoreProperties;
import uk.london.victims.projections.support.ReadModels;

/** The read models' writers get the database with the write concern for rebuildable data (ADR 0054). */
@Configuration(proxyBeanMethods = false)
public class ReadModelDatabaseConfiguration {

    @Bean
    @ReadModels
    MongoDatabase readModelDatabase(MongoDatabase database, StoreProperties store) {
        return store.forRebuildableWrites(database);
    }
}
