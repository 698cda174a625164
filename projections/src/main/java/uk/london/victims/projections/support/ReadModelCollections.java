package uk.london.victims.projections.support;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoDatabase;

/** What a read model's reset handler drops before a replay rebuilds it. */
public final class ReadModelCollections {

    private ReadModelCollections() {
    }

    /** Drops those of the collections that exist: the embedded server logs dropping a missing one as an error. */
    public static void dropThoseThere(MongoDatabase database, List<String> collections) {
        Set<String> existing = database.listCollectionNames().into(new HashSet<>());
        for (String collection : collections) {
            if (existing.contains(collection)) {
                database.getCollection(collection).drop();
            }
        }
    }
}
