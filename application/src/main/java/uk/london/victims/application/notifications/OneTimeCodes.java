package uk.london.victims.application.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import uk.london.victims.application.metrics.ServiceMeters;
import uk.london.victims.domain.cases.ContactChannel;

/**
 * Sends a portal sign-in code now, by the same channel as victims' notices. Unlike a notice it ignores
 * quiet hours (the person has just asked for it) and is not evidence for any Code right. It is written
 * to the outbox like every message, so nothing is sent unrecorded; once GOV.UK Notify has taken it the
 * code is struck from the record, and only the local outbox (the embedded demo) keeps it readable.
 */
@Component
public class OneTimeCodes {

    private static final Logger log = LoggerFactory.getLogger(OneTimeCodes.class);

    private static final String WITHHELD = "[sign-in code withheld]";

    private final MongoCollection<Document> outbox;
    private final MessageSender sender;
    private final Clock clock;

    OneTimeCodes(MongoDatabase database, MessageSender sender, Clock clock) {
        this.outbox = database.getCollection(Outbox.COLLECTION);
        this.sender = sender;
        this.clock = clock;
    }

    /** @return whether the code went out (or reached the local outbox) */
    public boolean send(String caseId, String personId, ContactChannel channel, String address, String code, int minutesValid) {
        Instant now = clock.instant();
        String text = "Your code to sign in and track your case is " + code + ". It works once, for " + minutesValid
                      + " minutes. If you did not ask for it, you can ignore this message.";
        OutboxMessage message = new OutboxMessage("sign-in:" + UUID.randomUUID(), caseId, personId, -1, channel, text, now, now,
                1, Outbox.Status.SENDING);
        outbox.insertOne(message.toDocument().append("kind", "SIGN_IN_CODE"));
        try {
            Outbox.Status status = sender.send(message, address);
            List<Bson> updates = new ArrayList<>(List.of(Updates.set("status", status.name()),
                    Updates.set("deliveredAt", Date.from(clock.instant()))));
            if (status != Outbox.Status.LOCAL_OUTBOX) {
                updates.add(Updates.set("text", WITHHELD));
            }
            outbox.updateOne(Filters.eq("_id", message.id()), Updates.combine(updates));
            ServiceMeters.notificationDelivered(channel.name());
            return true;
        } catch (MessageSender.DeliveryFailure failure) {
            log.warn("A sign-in code for case {} could not be sent: {}", caseId, failure.getMessage());
            ServiceMeters.notificationFailed(channel.name(), true);
            outbox.updateOne(Filters.eq("_id", message.id()), Updates.combine(Updates.set("status", Outbox.Status.FAILED.name()),
                    Updates.set("lastError", failure.getMessage()), Updates.set("text", WITHHELD)));
            return false;
        }
    }

    /** The latest sign-in message in the local outbox for a person: what the demo and the tests read. */
    public Optional<String> latestLocalCodeMessage(String personId) {
        return Optional.ofNullable(outbox.find(Filters.and(Filters.eq("victimId", personId), Filters.eq("kind", "SIGN_IN_CODE"),
                        Filters.eq("status", Outbox.Status.LOCAL_OUTBOX.name())))
                .sort(new Document("queuedAt", -1)).first()).map(document -> document.getString("text"));
    }
}
