package uk.london.victims.application.store;

import static com.mongodb.client.model.Filters.eq;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import com.mongodb.client.MongoDatabase;

/** {@code /actuator/health}: is the store answering, which kind it is, and how far the event log reaches. */
class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final boolean embedded;

    EventStoreHealthIndicator(MongoDatabase database, boolean embedded) {
        super("The event store is not answering");
        this.database = database;
        this.embedded = embedded;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        Document counter = database.getCollection(MongoEventStorageEngine.SEQUENCE).find(eq("_id", "events")).first();
        builder.up()
               .withDetail("store", embedded ? "embedded (mongo-java-server, H2 file)" : "MongoDB")
               .withDetail("lastEventPosition", counter == null ? 0 : counter.get("value", Number.class).longValue());
    }
}
