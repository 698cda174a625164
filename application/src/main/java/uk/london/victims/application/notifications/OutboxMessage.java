package uk.london.victims.application.notifications;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

import uk.london.victims.domain.cases.ContactChannel;

/**
 * One notice to one victim by one channel about one case event. It carries no case detail and no
 * address: the address is looked up (sealed, in the case) only when it is sent.
 */
record OutboxMessage(String id, String caseId, String victimId, long aboutSequence, ContactChannel channel, String text,
                     Instant queuedAt, Instant notBefore, int attempts, Outbox.Status status) {

    static String idFor(String eventId, String victimId, ContactChannel channel) {
        return eventId + ":" + victimId + ":" + channel.name();
    }

    Document toDocument() {
        return new Document("_id", id).append("caseId", caseId).append("victimId", victimId)
                .append("aboutSequence", aboutSequence).append("channel", channel.name()).append("text", text)
                .append("queuedAt", Date.from(queuedAt)).append("notBefore", Date.from(notBefore))
                .append("attempts", attempts).append("status", status.name());
    }

    static OutboxMessage from(Document d) {
        return new OutboxMessage(d.getString("_id"), d.getString("caseId"), d.getString("victimId"),
                d.get("aboutSequence", Number.class).longValue(), ContactChannel.valueOf(d.getString("channel")),
                d.getString("text"), d.getDate("queuedAt").toInstant(), d.getDate("notBefore").toInstant(),
                d.getInteger("attempts", 0), Outbox.Status.valueOf(d.getString("status")));
    }
}
