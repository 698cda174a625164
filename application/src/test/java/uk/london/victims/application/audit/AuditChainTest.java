package uk.london.victims.application.audit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;

import uk.london.victims.application.store.MutableClock;
import uk.london.victims.application.store.OnEachBackend;
import uk.london.victims.application.store.StoreBackend;

/**
 * The audit log is tamper-evident (issue 12, item 11): whoever can write to the store directly (the
 * embedded server has no authentication) can change an entry, but the chain then shows it.
 */
class AuditChainTest extends OnEachBackend {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private AuditLog log;
    private MongoCollection<Document> raw;

    @Override
    protected StoreBackend startBackend() {
        return StoreBackend.embedded();
    }

    @BeforeEach
    void written() {
        log = new AuditLog(database, clock);
        raw = database.getCollection(AuditLog.COLLECTION);
        for (int i = 1; i <= 5; i++) {
            log.record("PC-" + i, "POLICE_OFFICER", "read-timeline", "case/C" + i, "checking progress");
        }
    }

    @Test
    void anUntouchedLogVerifies() {
        assertThat(log.verify()).isEqualTo(new AuditLog.Verification(5, true, 0, null));
        assertThat(raw.find(eq("_id", 3L)).first().getString("previous")).isEqualTo(raw.find(eq("_id", 2L)).first().getString("hash"));
    }

    @Test
    void anEditedEntryIsFound() {
        raw.updateOne(eq("_id", 3L), Updates.set("who", "SOMEONE-ELSE"));
        AuditLog.Verification result = log.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBroken()).isEqualTo(3);
        assertThat(result.problem()).contains("changed");
    }

    @Test
    void anEditedAndReHashedEntryIsFoundAtTheNextOne() {
        Document third = raw.find(eq("_id", 3L)).first();
        third.put("purpose", "nothing to see");
        third.remove("hash");
        raw.replaceOne(eq("_id", 3L), third.append("hash", AuditLog.hash(third)));
        assertThat(log.verify().firstBroken()).isEqualTo(4);
    }

    @Test
    void aDeletedEntryIsFound() {
        raw.deleteOne(eq("_id", 2L));
        AuditLog.Verification result = log.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBroken()).isEqualTo(2);
        assertThat(result.problem()).contains("missing");
    }

    @Test
    void aSecondInstanceContinuesTheSameChainAndConcurrentAppendsKeepItWhole() throws Exception {
        AuditLog other = new AuditLog(database, clock);
        other.record("WCO-1", "WITNESS_CARE", "read-timeline", "case/C1", "court date");
        log.record("PC-6", "POLICE_OFFICER", "read-timeline", "case/C1", "after the other instance");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                AuditLog writer = i % 2 == 0 ? log : other;
                int n = i;
                writes.add(pool.submit(() -> writer.record("S-" + n, "CPS", "read-history", "case/C2", "review")));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(log.verify()).isEqualTo(new AuditLog.Verification(27, true, 0, null));
    }

    @Test
    void manyReadersAtOnceEachHaveTheirOwnEntryInOneWholeChain() throws Exception {
        AuditLog other = new AuditLog(database, clock);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                // Mostly one instance, whose waiting readers are written together; now and then the other
                // takes the next numbers, so a group meets numbers already taken and chains after them.
                AuditLog writer = i % 10 == 0 ? other : log;
                int n = i;
                writes.add(pool.submit(() -> writer.record("S-" + n, "CPS", "read-timeline", "case/C" + n, "review")));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(log.verify()).isEqualTo(new AuditLog.Verification(305, true, 0, null));
        List<String> readers = new ArrayList<>();
        raw.find().forEach(entry -> readers.add(entry.getString("who") + " " + entry.getString("subject")));
        assertThat(readers).doesNotHaveDuplicates().hasSize(305);
        for (int i = 0; i < 300; i++) {
            assertThat(readers).contains("S-" + i + " case/C" + i);
        }
    }

    @Test
    void entriesFromBeforeTheChainDoNotBreakIt() {
        raw.insertOne(new Document("_id", new ObjectId()).append("who", "legacy").append("action", "read-timeline"));
        assertThat(log.verify().intact()).isTrue();
        log.record("PC-7", "POLICE_OFFICER", "read-timeline", "case/C1", "after a legacy entry");
        assertThat(log.verify()).isEqualTo(new AuditLog.Verification(6, true, 0, null));
    }
}
