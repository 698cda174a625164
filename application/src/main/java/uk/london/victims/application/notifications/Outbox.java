package uk.london.victims.application.notifications;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

/**
 * Every message to a victim, from the moment it is decided until it is delivered or has definitely
 * failed: nothing is dropped silently. Without a GOV.UK Notify key this collection is also where the
 * messages end up (status LOCAL_OUTBOX), for a demo or a test to read.
 *
 * <p>A message's id is made from the event, the victim and the channel, so deciding it twice (an event
 * delivered again after a crash) writes it once.
 */
@Component
public class Outbox {

    public static final String COLLECTION = "notification_outbox";

    /** SENDING: a sign-in code being sent there and then, which the dispatcher must leave alone. */
    public enum Status { PENDING, SENDING, SENT, LOCAL_OUTBOX, FAILED }

    private final MongoCollection<Document> messages;

    public Outbox(MongoDatabase database) {
        this.messages = database.getCollection(COLLECTION);
    }

    /** @return false when the same message was already queued */
    boolean enqueue(OutboxMessage message) {
        try {
            messages.insertOne(message.toDocument());
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Pending messages whose time has come (quiet hours and retry back-off respected). */
    List<OutboxMessage> due(Instant now) {
        List<OutboxMessage> due = new ArrayList<>();
        messages.find(and(eq("status", Status.PENDING.name()), lte("notBefore", Date.from(now)))).batchSize(200)
                .forEach(document -> due.add(OutboxMessage.from(document)));
        return due;
    }

    /**
     * Takes a due message for one sender, atomically: only the instance whose update matched may send it.
     * Claiming pushes {@code notBefore} to {@code leaseUntil}, so a message whose sender died mid-send
     * becomes due again then (a victim may then get it twice, never zero times; Notify's reference is the
     * message id, so the two are traceable as one).
     *
     * @return false when another instance claimed it first, or it is no longer due
     */
    boolean claim(String id, Instant now, Instant leaseUntil) {
        return messages.findOneAndUpdate(and(eq("_id", id), eq("status", Status.PENDING.name()),
                        lte("notBefore", Date.from(now))),
                Updates.set("notBefore", Date.from(leaseUntil))) != null;
    }

    void delivered(String id, Status status, Instant at) {
        messages.updateOne(eq("_id", id), Updates.combine(Updates.set("status", status.name()),
                Updates.set("deliveredAt", Date.from(at))));
    }

    void retryLater(String id, int attempts, Instant notBefore, String reason) {
        messages.updateOne(eq("_id", id), Updates.combine(Updates.set("attempts", attempts),
                Updates.set("notBefore", Date.from(notBefore)), Updates.set("lastError", reason)));
    }

    void failed(String id, int attempts, String reason) {
        messages.updateOne(eq("_id", id), Updates.combine(Updates.set("status", Status.FAILED.name()),
                Updates.set("attempts", attempts), Updates.set("lastError", reason)));
    }

    /** What a case's victims were sent, newest first: for the README's demo and for support staff. */
    public List<Document> forCase(String caseId) {
        return messages.find(eq("caseId", caseId)).sort(new Document("queuedAt", -1)).into(new ArrayList<>());
    }
}
