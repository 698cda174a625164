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

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
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
 * Appends within an instance are one at a time, since each needs the hash before it.
 */
@Component
public class AuditLog {

    public static final String COLLECTION = "audit_log";
    /** The previous hash of entry 1. */
    static final String GENESIS = "0".repeat(64);
    private static final int VERIFY_BATCH = 500;

    private final MongoCollection<Document> entries;
    private final Clock clock;
    /** The last entry this instance knows of; guarded by {@code this}. Zero until looked up. */
    private long lastSequence = -1;
    private String lastHash;

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
        Date at = Date.from(clock.instant());
        synchronized (this) {
            if (lastSequence < 0) {
                findLast();
            }
            while (true) {
                long sequence = lastSequence + 1;
                Document entry = new Document("_id", sequence).append("at", at).append("who", who).append("role", role)
                        .append("action", action).append("subject", subject).append("purpose", purpose)
                        .append("previous", lastHash);
                String hash = hash(entry);
                try {
                    entries.insertOne(entry.append("hash", hash));
                    lastSequence = sequence;
                    lastHash = hash;
                    return;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    catchUp();
                }
            }
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
