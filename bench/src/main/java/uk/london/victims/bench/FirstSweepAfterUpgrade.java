package uk.london.victims.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import uk.london.victims.application.store.EmbeddedMongoStore;
import uk.london.victims.projections.ledger.ObligationLedgerProjection;
import uk.london.victims.projections.ledger.OverdueSweeper;

/**
 * The first sweep after an upgrade on a store built while swept deadlines were kept (before ADR 0038's amendment of
 * 2026-11-29): it deletes every deadline behind its cursor at once. The cursor is set back two hours first, as if the
 * last sweep before the upgrade had run then, so that this sweep moves it. Prints the deadlines before and after and
 * how long the sweep took, then the next sweep's time.
 * {@code java -cp … uk.london.victims.bench.FirstSweepAfterUpgrade DIR}. The store in DIR is changed: point it at a
 * copy.
 */
public final class FirstSweepAfterUpgrade {

    private FirstSweepAfterUpgrade() {
    }

    public static void main(String[] args) {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(Path.of(args[0]), "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase database = client.getDatabase("victims");
            MongoCollection<Document> due = database.getCollection(ObligationLedgerProjection.DUE);
            Instant now = Instant.now();
            long before = due.countDocuments();
            database.getCollection(ObligationLedgerProjection.SWEEPS).updateOne(Filters.eq("_id", OverdueSweeper.CURSOR),
                    Updates.set("sweptBefore", now.minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS).toEpochMilli()),
                    new UpdateOptions().upsert(true));
            long started = System.nanoTime();
            int breaches = new OverdueSweeper(database, Clock.systemUTC()).sweep(now);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("first-sweep-after-upgrade: deadlines %,d before, %,d after; %d breaches found; %.1f s%n",
                    before, due.countDocuments(), breaches, seconds);
            started = System.nanoTime();
            new OverdueSweeper(database, Clock.systemUTC()).sweep(Instant.now());
            System.out.printf("first-sweep-after-upgrade: the next sweep %.3f s%n", (System.nanoTime() - started) / 1e9);
        }
    }
}
