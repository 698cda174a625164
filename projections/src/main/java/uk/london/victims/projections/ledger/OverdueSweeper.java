package uk.london.victims.projections.ledger;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

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
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import uk.london.victims.projections.support.IsoInstants;
import uk.london.victims.projections.support.ReadModels;

/**
 * Turns open obligations into breaches when their deadlines pass: reads the deadlines from its stored
 * cursor up to now (a range of {@code _id}s, which begin with the deadline), and for each obligation whose deadline has passed and which its ledger
 * entry shows was still open then, writes the breach once. Any instance may sweep, at the same time as
 * another: a breach's {@code _id} is the obligation and deadline, so the second write changes nothing; the
 * cursor only moves forward and survives restarts, and hours missed while nothing ran are swept on the next
 * run. The processor writes the breaches whose deadline had already passed when it recorded them. The deadlines
 * the cursor has passed are deleted, so the collection holds only those still to come and the last few hours'.
 */
@Component
public class OverdueSweeper {

    /** The cursor stays this far behind now, so a deadline is read again after a processor's batch that wrote it. */
    static final Duration GRACE = Duration.ofMinutes(5);
    /** Where a fresh store's first sweep starts. */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);
    /** The {@code _id} of the sweep's cursor in {@link ObligationLedgerProjection#SWEEPS}. */
    public static final String CURSOR = "overdue";
    /** Deadlines read at once. */
    private static final int PAGE = 1_000;

    private final MongoCollection<Document> due;
    private final MongoCollection<Document> ledger;
    private final MongoCollection<Document> breaches;
    private final MongoCollection<Document> sweeps;
    private final Clock clock;
    private final int page;

    @Autowired
    public OverdueSweeper(@ReadModels MongoDatabase database, Clock clock) {
        this(database, clock, PAGE);
    }

    OverdueSweeper(MongoDatabase database, Clock clock, int page) {
        this.due = database.getCollection(ObligationLedgerProjection.DUE);
        this.ledger = database.getCollection(ObligationLedgerProjection.LEDGER);
        this.breaches = database.getCollection(ObligationLedgerProjection.BREACHES);
        this.sweeps = database.getCollection(ObligationLedgerProjection.SWEEPS);
        this.clock = clock;
        this.page = page;
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
        // The deadlines from the cursor up to now, a page at a time: after a long stop there may be many.
        int found = 0;
        Bson range = and(gte("_id", ObligationLedgerProjection.sortable(from)), lt("_id", ObligationLedgerProjection.sortable(now)));
        for (List<Document> page = page(range); !page.isEmpty(); page = page(and(range, gt("_id", page.get(page.size() - 1).getString("_id"))))) {
            found += breaches(page, now);
            if (page.size() < this.page) {
                break;
            }
        }
        Instant sweptBefore = now.minus(GRACE).truncatedTo(ChronoUnit.HOURS);
        if (sweptBefore.isAfter(from)) {
            sweeps.updateOne(eq("_id", CURSOR), Updates.max("sweptBefore", sweptBefore.toEpochMilli()),
                    new UpdateOptions().upsert(true));
            // Behind the cursor a deadline is never read again: its breach, if any, is written (here or by the
            // processor), so the items go rather than accumulate, one per obligation ever opened.
            due.deleteMany(lt("_id", ObligationLedgerProjection.sortable(sweptBefore)));
        }
        return found;
    }

    private List<Document> page(Bson range) {
        return due.find(range).sort(Sorts.ascending("_id")).limit(page).into(new ArrayList<>());
    }

    /** Writes the breaches of the deadlines given that their ledger entries show were still open when they passed. */
    private int breaches(List<Document> deadlines, Instant now) {
        Map<String, List<Document>> passedByCase = new LinkedHashMap<>();
        for (Document ref : deadlines) {
            if (now.isAfter(IsoInstants.parse(ref.getString("d")))) {
                passedByCase.computeIfAbsent(ref.getString("c"), c -> new ArrayList<>()).add(ref);
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
                Instant deadline = IsoInstants.parse(ref.getString("d"));
                if (entry != null && entry.breaches().contains(deadline)) {
                    writes.add(ObligationLedgerProjection.breach(caseId, entry, deadline));
                }
            }
        });
        ObligationLedgerProjection.write(breaches, writes);
        return writes.size();
    }
}
