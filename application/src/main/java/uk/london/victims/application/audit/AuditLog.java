package uk.london.victims.application.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Who read or changed which victim's record, when and why: an append-only collection under a hash chain
 * (ADR 0021). Nothing in the service updates or deletes an entry, but the store itself has no access
 * control on the embedded server and only what its operators configure on MongoDB, so the log is made
 * tamper-evident: entry {@code n} has {@code _id} {@code n} (1, 2, 3, …) and carries the hash of entry
 * {@code n - 1} and its own hash over its fields and that previous hash. {@link #verify()} finds an entry
 * that was edited (its hash no longer matches), deleted (a gap before a later entry) or re-hashed after an
 * edit (the next entry's previous hash no longer matches).
 *
 * <p>Instances sharing a store share one chain: an append takes the next number by inserting it, and an
 * instance that finds the number taken (another instance appended) catches up by {@code _id} and retries.
 * Appends within an instance are one at a time, since each needs the hash before it; entries recorded
 * while one is being written wait and are then written together, chained in the order they arrived, in one
 * insert (one durable commit on the embedded store, ADR 0033). A caller returns only once its own entry is
 * stored, so a read that is answered has its audit entry on disk.
 */
@Component
public class AuditLog {

    public static final String COLLECTION = "audit_log";
    /** The previous hash of entry 1. */
    static final String GENESIS = "0".repeat(64);
    private static final int VERIFY_BATCH = 500;
    /** Entries written in one insert at most; more waiting are written by the next. */
    private static final int MAX_GROUP = 500;

    private final MongoCollection<Document> entries;
    private final Clock clock;
    /** The last entry this instance knows of; guarded by {@code this}. Zero until looked up. */
    private long lastSequence = -1;
    private String lastHash;
    /** Entries recorded and not yet written, oldest first. */
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();

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
        Pending mine = new Pending(new Document("at", Date.from(clock.instant())).append("who", who).append("role", role)
                .append("action", action).append("subject", subject).append("purpose", purpose));
        waiting.add(mine);
        synchronized (this) {
            // Whoever holds the chain writes every entry waiting, in one insert and so one durable commit: the
            // others then find theirs written. Each caller still returns only once its own entry is stored.
            while (!mine.finished) {
                List<Pending> group = new ArrayList<>();
                Pending next;
                while (group.size() < MAX_GROUP && (next = waiting.poll()) != null) {
                    group.add(next);
                }
                try {
                    append(group);
                } catch (RuntimeException e) {
                    // The store failed before answering (finding the last entry, catching up): nothing here is
                    // known stored, so every caller of the group hears of it rather than waiting for ever.
                    for (Pending pending : group) {
                        if (!pending.finished) {
                            pending.failure = e;
                            pending.finished = true;
                        }
                    }
                }
            }
            if (mine.failure != null) {
                throw mine.failure;
            }
        }
    }

    /** Appends the group in order after the last entry, each one chained to the one before. Caller holds {@code this}. */
    private void append(List<Pending> group) {
        if (lastSequence < 0) {
            findLast();
        }
        int from = 0;
        while (from < group.size()) {
            List<Document> entries = new ArrayList<>(group.size() - from);
            long sequence = lastSequence;
            String previous = lastHash;
            for (Pending pending : group.subList(from, group.size())) {
                Document entry = new Document("_id", ++sequence).append("at", pending.fields.get("at"))
                        .append("who", pending.fields.get("who")).append("role", pending.fields.get("role"))
                        .append("action", pending.fields.get("action")).append("subject", pending.fields.get("subject"))
                        .append("purpose", pending.fields.get("purpose")).append("previous", previous);
                previous = hash(entry);
                entries.add(entry.append("hash", previous));
            }
            int stored;
            RuntimeException failure = null;
            try {
                this.entries.insertMany(entries);
                stored = entries.size();
            } catch (MongoBulkWriteException e) {
                // Ordered: everything before the first error is stored (and durable: the store answers only then).
                BulkWriteError error = e.getWriteErrors().get(0);
                stored = error.getIndex();
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    failure = e;
                }
            } catch (RuntimeException e) {
                stored = 0;
                failure = e;
            }
            for (int i = 0; i < stored; i++) {
                lastSequence++;
                lastHash = entries.get(i).getString("hash");
                group.get(from + i).finished = true;
            }
            from += stored;
            if (failure != null) {
                for (Pending pending : group.subList(from, group.size())) {
                    pending.failure = failure;
                    pending.finished = true;
                }
                return;
            }
            if (from < group.size()) {
                // Another instance appended at the number taken: move past its entries and chain the rest after them.
                catchUp();
            }
        }
    }

    /** An entry waiting for its turn; its fields are read and written only by whoever holds {@code this}. */
    private static final class Pending {
        final Document fields;
        boolean finished;
        RuntimeException failure;

        Pending(Document fields) {
            this.fields = fields;
        }
    }

    /** Checks the whole chain from entry 1. Reads in batches by {@code _id}, the one lookup every store indexes. */
    public Verification verify() {
        String previous = GENESIS;
        long checked = 0;
        for (long from = 1; ; from += VERIFY_BATCH) {
            List<Long> ids = new ArrayList<>(VERIFY_BATCH);
            for (long id = from; id < from + VERIFY_BATCH; id++) {
                ids.add(id);
            }
            Map<Long, Document> found = new HashMap<>();
            entries.find(in("_id", ids)).forEach(document -> found.put(((Number) document.get("_id")).longValue(), document));
            for (long id = from; id < from + VERIFY_BATCH; id++) {
                Document entry = found.get(id);
                if (entry == null) {
                    // A range query, which the embedded store answers by a scan: only ever run once, at the end.
                    boolean later = entries.find(gt("_id", id)).projection(new Document("_id", 1)).limit(1).first() != null;
                    return later
                            ? Verification.broken(checked, id, "entry " + id + " is missing, and later entries exist")
                            : Verification.intact(checked);
                }
                if (!Objects.equals(previous, entry.getString("previous"))) {
                    return Verification.broken(checked, id, "entry " + id + " does not follow entry " + (id - 1)
                            + ": that entry was changed or removed");
                }
                String stored = entry.getString("hash");
                entry.remove("hash");
                if (!hash(entry).equals(stored)) {
                    return Verification.broken(checked, id, "entry " + id + " was changed after it was written");
                }
                previous = stored;
                checked++;
            }
        }
    }

    /**
     * The result of {@link #verify()}.
     *
     * @param entries     entries checked and found whole, from entry 1
     * @param intact      whether the whole chain is whole
     * @param firstBroken the first entry that is not, or 0
     * @param problem     what is wrong with it, or null
     */
    public record Verification(long entries, boolean intact, long firstBroken, String problem) {
        static Verification intact(long entries) {
            return new Verification(entries, true, 0, null);
        }

        static Verification broken(long entries, long at, String problem) {
            return new Verification(entries, false, at, problem);
        }
    }

    /** The last entry, found by doubling then halving over {@code _id} lookups: no scan, whatever the log's size. */
    private void findLast() {
        lastSequence = 0;
        lastHash = GENESIS;
        if (!exists(1)) {
            return;
        }
        long present = 1;
        long absent = 2;
        while (exists(absent)) {
            present = absent;
            absent *= 2;
        }
        while (absent - present > 1) {
            long middle = present + (absent - present) / 2;
            if (exists(middle)) {
                present = middle;
            } else {
                absent = middle;
            }
        }
        lastSequence = present;
        lastHash = entries.find(eq("_id", present)).first().getString("hash");
        catchUp();
    }

    /** Moves past the entries other instances appended since this one last wrote. */
    private void catchUp() {
        Document next;
        while ((next = entries.find(eq("_id", lastSequence + 1)).first()) != null) {
            lastSequence++;
            lastHash = next.getString("hash");
        }
    }

    private boolean exists(long id) {
        return entries.find(eq("_id", id)).projection(new Document("_id", 1)).first() != null;
    }

    /** SHA-256 over every field but the hash itself, each length-prefixed so no two entries read the same. */
    static String hash(Document entry) {
        StringBuilder text = new StringBuilder();
        for (String field : List.of("_id", "at", "who", "role", "action", "subject", "purpose", "previous")) {
            Object value = entry.get(field);
            String written = value == null ? "" : value instanceof Date date ? String.valueOf(date.getTime()) : value.toString();
            text.append(field).append('=').append(value == null ? -1 : written.length()).append(':').append(written).append(';');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
