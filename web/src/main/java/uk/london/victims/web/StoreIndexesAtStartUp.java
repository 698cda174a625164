package uk.london.victims.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;

import uk.london.victims.application.store.StoreIndexes;
import uk.london.victims.application.store.StoreProperties;
import uk.london.victims.projections.support.ProjectionIndexes;

/**
 * Creates the store's secondary indexes while the context starts, before any processor or poller runs
 * (they start with the context's life cycle, after every singleton): on MongoDB a query that finds no index
 * scans its whole collection. Only this module sees both the application's and the read models' needs.
 */
@Configuration(proxyBeanMethods = false)
public class StoreIndexesAtStartUp {

    private static final Logger log = LoggerFactory.getLogger(StoreIndexesAtStartUp.class);

    /** Every declared index, by collection: what start-up creates and the index test checks queries against. */
    public static Map<String, List<IndexModel>> declared() {
        Map<String, List<IndexModel>> all = new LinkedHashMap<>(StoreIndexes.declared());
        ProjectionIndexes.declared().forEach((collection, indexes) -> all.merge(collection, indexes,
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        return all;
    }

    @Bean
    StoreIndexesCreated storeIndexes(MongoDatabase database, StoreProperties store) {
        if (store.embedded()) {
            // It would accept them and warn once per index that it ignores them: it serves only _id from an index.
            log.info("Store indexes: none on the embedded store, which uses only _id's; MongoDB gets {}",
                    declared().values().stream().mapToInt(List::size).sum());
        } else {
            StoreIndexes.create(database, declared());
        }
        return new StoreIndexesCreated();
    }

    /** A marker that the indexes exist; a bean that must not start before them can depend on it. */
    record StoreIndexesCreated() {
    }
}
