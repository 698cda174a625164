package uk.london.victims.projections.ledger;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * Turns open obligations into breaches when their deadlines pass: reads the due hours from its stored
 * cursor up to now (by {@code _id}), and for each obligation whose deadline has passed and which its ledger
 * entry shows was still open then, writes the breach once. Any instance may sweep, at the same time as
 * another: a breach's {@code _id} is the obligation and deadline, so the second write changes nothing; the
 * cursor only moves forward and survives restarts, and hours missed while nothing ran are swept on the next
 * run. The processor writes the breaches whose deadline had already passed when it recorded them.
 */
@Component
public class OverdueSweeper {

    /** The cursor stays this far behind now, so a due hour is read again after a processor's batch that wrote to it. */
    static final Duration GRACE = Duration.ofMinutes(5);
    /** Where a fresh store's first sweep starts. */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);
    private static final String CURSOR = "overdue";

    private final MongoCollection<Document> due;
    private final MongoCollection<Document> ledger;
    private final MongoCollection<Document> breaches;
    private final MongoCollection<Document> sweeps;
    private final Clock clock;

    public OverdueSweeper(MongoDatabase database, Clock clock) {
        this.due = database.getCollection(ObligationLedgerProjection.DUE);
        this.ledger = database.getCollection(ObligationLedgerProjection.LEDGER);
        this.breaches = database.getCollection(ObligationLedgerProjection.BREACHES);
        this.sweeps = database.getCollection(ObligationLedgerProjection.SWEEPS);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${vjt.ledger.sweep-every:30s}")
    void scheduled() {
        sweep(clock.instant());
    }

    /** Sweeps up to {@code now}; answers how many breaches it found (written now or already). */
    public int sweep(Instant now) {
        Document cursor = sweeps.find(eq("_id", CURSOR)).first();
        Instant from = cursor == null ? now.minus(FIRST_LOOK_BACK).truncatedTo(ChronoUnit.HOURS)
                : Instant.ofEpochMilli(cursor.get("sweptBefore", Number.class).longValue());
        List<String> hours = new ArrayList<>();
        for (Instant hour = from; !hour.isAfter(now); hour = hour.plus(Duration.ofHours(1))) {
            hours.add(ObligationLedgerProjection.HOUR.format(hour));
        }
        Map<String, List<Document>> passedByCase = new LinkedHashMap<>();
        for (Document hour : due.find(in("_id", hours))) {
            for (Object value : hour.get("refs", new Document()).values()) {
                Document ref = (Document) value;
                if (now.isAfter(Instant.parse(ref.getString("d")))) {
                    passedByCase.computeIfAbsent(ref.getString("c"), c -> new ArrayList<>()).add(ref);
                }
            }
        }
        Map<String, Document> cases = new HashMap<>();
        if (!passedByCase.isEmpty()) {
            ledger.find(in("_id", new ArrayList<>(passedByCase.keySet())))
                  .forEach(d -> cases.put(d.getString("_id"), d));
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        passedByCase.forEach((caseId, refs) -> {
            Map<String, LedgerEntry> entries = LedgerDocuments.entries(cases.get(caseId));
            for (Document ref : refs) {
                LedgerEntry entry = entries.get(ref.getString("k"));
                Instant deadline = Instant.parse(ref.getString("d"));
                if (entry != null && entry.breaches().contains(deadline)) {
                    writes.add(ObligationLedgerProjection.breach(caseId, entry, deadline));
                }
            }
        });
        ObligationLedgerProjection.write(breaches, writes);
        Instant sweptBefore = now.minus(GRACE).truncatedTo(ChronoUnit.HOURS);
        if (sweptBefore.isAfter(from)) {
            sweeps.updateOne(eq("_id", CURSOR), Updates.max("sweptBefore", sweptBefore.toEpochMilli()),
                    new UpdateOptions().upsert(true));
        }
        return writes.size();
    }
}
