package uk.london.victims.application.audit;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Who read or changed which victim's record, when and why: an append-only collection. Nothing in the
 * service updates or deletes an entry; each is one insert with a driver-generated id.
 */
@Component
public class AuditLog {

    public static final String COLLECTION = "audit_log";

    private final MongoCollection<Document> entries;
    private final Clock clock;

    public AuditLog(MongoDatabase database, Clock clock) {
        this.entries = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    /**
     * @param who     the staff id or portal user
     * @param role    the role they acted in
     * @param action  what they did, e.g. "read-timeline"
     * @param subject what it concerned, e.g. "case/<id>" or "person/<id>"
     * @param purpose the reason they gave (the X-Purpose header for agency staff), if any
     */
    public void record(String who, String role, String action, String subject, String purpose) {
        entries.insertOne(new Document("at", Date.from(clock.instant())).append("who", who).append("role", role)
                .append("action", action).append("subject", subject).append("purpose", purpose));
    }
}
