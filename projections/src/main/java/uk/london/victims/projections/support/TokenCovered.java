package uk.london.victims.projections.support;

import org.bson.Document;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;

/**
 * Where a processor batch sends the writes it makes before its token is stored (ADR 0049). The token's own write is
 * durable, and the embedded store's commits are ordered: the commit that makes the token durable makes every write
 * applied before it durable too. Those writes therefore need only be applied and acknowledged ({@code j: false}), and
 * a batch that writes nine collections waits for one commit instead of ten. A crash before the token's commit loses
 * them with the token, and the events are delivered again, as after a crash between two durable writes.
 *
 * <p>Writes made after the token (a batch whose last event reached no handler) and writes outside a batch stay
 * durable: nothing later covers them.
 */
public final class TokenCovered {

    private TokenCovered() {
    }

    /**
     * The collection with its writes acknowledged once applied, for writes a durable token write follows. Only the
     * embedded store's concern (acknowledged, journal unspecified) is relaxed: a deployment that asked for journaled
     * writes (MongoDB here: majority, journaled) keeps them.
     */
    public static MongoCollection<Document> writesTo(MongoCollection<Document> collection) {
        WriteConcern concern = collection.getWriteConcern();
        return concern.isAcknowledged() && concern.getJournal() == null
                ? collection.withWriteConcern(concern.withJournal(false))
                : collection;
    }
}
