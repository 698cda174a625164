package uk.london.victims.application.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;

import uk.london.victims.application.axon.SegmentBalancer;
import uk.london.victims.application.notifications.Outbox;

/**
 * The secondary indexes the application module's own queries need on MongoDB (ADR 0030; each is listed
 * with its query in docs/scaling.md). Everything else it reads by {@code _id}.
 *
 * <p>Declared as data, by collection, so that start-up creates them and a test can hold every query the
 * service sends against them. An index is never changed in place: a different key needs a new name.
 */
public final class StoreIndexes {

    /** The collection Axon's token store keeps its tokens in. */
    public static final String TRACKING_TOKENS = "tracking_tokens";

    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);

    private StoreIndexes() {
    }

    /** The application module's indexes, by collection. */
    public static Map<String, List<IndexModel>> declared() {
        Map<String, List<IndexModel>> indexes = new LinkedHashMap<>();
        indexes.put(Outbox.COLLECTION, List.of(
                // The dispatcher's poll every few seconds: pending messages whose time has come.
                index("outbox_due", new Document("status", 1).append("notBefore", 1)),
                // Notices for one case, newest first (the API's notices and the portal's).
                index("outbox_by_case", new Document("caseId", 1).append("queuedAt", -1)),
                // A victim's latest sign-in code in the local outbox (the demo's and the tests' read).
                index("outbox_by_victim", new Document("victimId", 1).append("kind", 1).append("queuedAt", -1))));
        indexes.put(MongoEventStorageEngine.EVENTS, List.of(
                // A processor reset to a point in time: the first event recorded at or after it.
                index("events_by_time", new Document("at", 1))));
        indexes.put(StoreIndexes.TRACKING_TOKENS, List.of(
                // Axon's token store finds, claims and lists its segments by processor name and segment.
                index("tokens_by_processor_segment", new Document("processorName", 1).append("segment", 1))));
        indexes.put(SegmentBalancer.INSTANCES, List.of(
                // Counting the instances seen lately, to share segments between them.
                index("instances_by_last_seen", new Document("seenAt", 1))));
        return indexes;
    }

    /**
     * Creates every index that does not exist yet; one that exists with the same name and keys is left
     * alone, so this runs at each start-up and on every instance at once.
     */
    public static void create(MongoDatabase database, Map<String, List<IndexModel>> indexes) {
        int created = 0;
        for (Map.Entry<String, List<IndexModel>> collection : indexes.entrySet()) {
            database.getCollection(collection.getKey()).createIndexes(collection.getValue());
            created += collection.getValue().size();
        }
        log.info("Store indexes: {} secondary indexes on {} collections present", created,
                indexes.size());
    }

    /** A named, non-unique index built in the background of normal traffic. */
    public static IndexModel index(String name, Bson keys) {
        return new IndexModel(keys, new IndexOptions().name(name));
    }
}
