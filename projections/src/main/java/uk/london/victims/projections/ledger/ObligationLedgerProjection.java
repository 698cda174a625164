package uk.london.victims.projections.ledger;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationEvaluator;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.projections.review.ReviewDimension;
import uk.london.victims.projections.support.BatchDocuments;
import uk.london.victims.projections.support.ByIds;
import uk.london.victims.projections.support.BatchWrites;
import uk.london.victims.projections.support.CaseFactDocuments;
import uk.london.victims.projections.support.ProcessorBatch;
import uk.london.victims.projections.support.ReadModelCollections;
import uk.london.victims.projections.support.RecordDocuments;
import uk.london.victims.projections.support.ReadModels;

/**
 * Keeps the obligation ledger from the case events (see {@link ObligationLedger} for the logic): per case
 * its obligations with every revision, and apart from them its facts; per London day of clock start and BCU the review's
 * figures; each open deadline (read by {@link OverdueSweeper}); each outstanding obligation as an item of its
 * agency's work list in its BCU; and every breach once. All are read by {@code _id}, or by a range of {@code _id}s.
 *
 * <p>A batch writes figures (shared by many cases, so as atomic updates), deadlines and work list items before
 * the case documents: a redelivered event is then skipped by the case's version, or re-applied where the figures
 * show that version was not counted; putting and removing an item is idempotent.
 */
@Component
@ProcessingGroup(ObligationLedgerProjection.PROCESSING_GROUP)
public class ObligationLedgerProjection {

    public static final String PROCESSING_GROUP = "obligation-ledger";
    public static final String LEDGER = "obligation_ledger";
    /** The case's facts, apart from its obligations: the processor reads them, the queries never do. */
    public static final String FACTS = "obligation_facts";
    public static final String FIGURES = "obligation_figures";
    /** What each bucket's figures gained and lost, by the month, day and minute it was recorded (ADR 0042). */
    public static final String HISTORY = "obligation_figure_history";
    /**
     * One document per open deadline, {@code <deadline>|<case>|<key>}, read by {@link OverdueSweeper} as a range of
     * {@code _id}s. Named apart from the shapes of before (ADR 0025, ADR 0038): a store built then keeps working
     * (its new items land here) until the processor is replayed, which also drops the old collections.
     */
    public static final String DUE = "obligation_due_items";
    /** One document per outstanding obligation, {@code <agency>|<BCU>|<deadline>|<case>|<key>}: a unit's work list is a range of {@code _id}s. */
    public static final String OPEN = "obligation_open_items";
    /**
     * One document per work list, {@code <agency>|<BCU>}, whose {@code stamp} is new each time a batch changes the list,
     * written after the list's items: a reader that cached a list's leading items keeps them while the stamp is unchanged.
     */
    public static final String OPEN_STAMPS = "obligation_open_stamps";
    /** The shapes of before ADR 0038 (and before ADR 0025): dropped by a replay. */
    private static final List<String> SUPERSEDED = List.of("obligation_due_hours", "obligation_work_lists", "obligation_due",
            "obligation_open");
    public static final String BREACHES = "obligation_breaches";
    public static final String SWEEPS = "obligation_sweeps";

    /** In the figures: the first and last London days any clock started on, so a review never lists days with none. */
    static final String EXTENT = "extent";
    /**
     * An instant as a fixed-width text (years 1000 to 9999), so that {@code _id}s sort as their deadlines; after
     * every such text, {@link #NO_DEADLINE} for items awaiting a clock or consent.
     */
    static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    static final String NO_DEADLINE = "~";
    /** What a work list shows: owed and not yet given (awaiting consent: the agency still has to seek it). */
    static final Set<ObligationStatus> OUTSTANDING = Set.of(ObligationStatus.OPEN, ObligationStatus.OVERDUE,
            ObligationStatus.AWAITING_CLOCK, ObligationStatus.AWAITING_CONSENT);

    private final MongoDatabase database;
    private final MongoCollection<Document> breaches;
    private final ObligationLedger ledger;
    private final LedgerSettings settings;
    private final Clock clock;
    private final BatchDocuments<String> cases;
    private final BatchDocuments<String> caseFacts;
    private final FigureWrites buckets;
    private final FigureWrites history;
    private final BatchWrites figures;
    /** One document per item, written once per batch; an item belongs to one case, so only its segment writes it. */
    private final BatchDocuments<String> due;
    private final BatchDocuments<String> open;
    private final BatchDocuments<String> openStamps;

    public ObligationLedgerProjection(@ReadModels MongoDatabase database, ObligationEvaluator evaluator, LedgerSettings settings, Clock clock) {
        this.database = database;
        this.breaches = database.getCollection(BREACHES);
        this.ledger = new ObligationLedger(evaluator);
        this.settings = settings;
        this.clock = clock;
        this.cases = new BatchDocuments<>(database.getCollection(LEDGER),
                m -> m instanceof DomainEventMessage<?> d && "Case".equals(d.getType()) ? d.getAggregateIdentifier() : null);
        this.caseFacts = new BatchDocuments<>(database.getCollection(FACTS),
                m -> m instanceof DomainEventMessage<?> d && "Case".equals(d.getType()) ? d.getAggregateIdentifier() : null);
        this.buckets = new FigureWrites(database.getCollection(FIGURES), true);
        this.history = new FigureWrites(database.getCollection(HISTORY), false);
        this.figures = new BatchWrites(database.getCollection(FIGURES));
        // Never read while projecting: nothing to read ahead.
        this.due = new BatchDocuments<>(database.getCollection(DUE), m -> null);
        this.open = new BatchDocuments<>(database.getCollection(OPEN), m -> null);
        this.openStamps = new BatchDocuments<>(database.getCollection(OPEN_STAMPS), m -> null);
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        try {
            project(payload, message);
        } finally {
            // A bucket's history before the bucket: a reader that finds a change in the bucket finds it in the history.
            history.endOfEvent();
            buckets.endOfEvent();
            figures.endOfEvent();
            due.endOfEvent();
            open.endOfEvent();
            openStamps.endOfEvent();
            ProcessorBatch.atLastEvent(BATCH, Batch::flushBreaches);
            caseFacts.endOfEvent();
            cases.endOfEvent();
        }
    }

    private void project(Object payload, DomainEventMessage<?> message) {
        if (!"Case".equals(message.getType()) || !(payload instanceof Record event)) {
            return;
        }
        String caseId = message.getAggregateIdentifier();
        long version = message.getSequenceNumber();
        Batch batch = batch();
        CaseState known = batch.cases.get(caseId);
        if (known != null && known.version() >= version) {
            return; // applied in this batch already: delivery is at least once
        }
        Document stored = known != null ? null : cases.find(caseId);
        if (stored != null && stored.get("version", Number.class).longValue() >= version) {
            return; // already applied
        }
        List<Document> facts = new ArrayList<>();
        List<CaseFact> parsed = new ArrayList<>();
        Map<String, LedgerEntry> before;
        if (known != null) {
            // This batch applied the case's previous event: its facts and entries are at hand, already parsed
            // (what parsing the documents just saved would give back), so a case's run of events is read once.
            facts.addAll(known.facts());
            parsed.addAll(known.parsed());
            before = known.entries();
        } else {
            // The facts are written before the ledger document, so after a crash between the two they may already
            // hold this event and later ones: take those up to this event, adding it if it is not there.
            Document storedFacts = caseFacts.find(caseId);
            if (storedFacts != null) {
                storedFacts.getList("facts", Document.class).stream()
                           .filter(f -> f.get("sequence", Number.class).longValue() < version).forEach(facts::add);
            }
            facts.forEach(f -> parsed.add(CaseFactDocuments.fact(f)));
            before = LedgerDocuments.entries(stored);
        }
        Document newest = CaseFactDocuments.entry(event, message);
        facts.add(newest);
        parsed.add(CaseFactDocuments.fact(newest));
        ObligationLedger.Applied applied = ledger.apply(before, parsed);
        if (!batch.alone) {
            batch.cases.put(caseId, new CaseState(version, List.copyOf(facts), List.copyOf(parsed), applied.entries()));
        }

        BucketFigures.Change change = BucketFigures.change(before, applied);
        Instant now = clock.instant();
        for (String key : applied.changed()) {
            LedgerEntry entry = applied.entries().get(key);
            dueItem(caseId, key, entry.current(), now);
            openItems(caseId, key, before.containsKey(key) ? before.get(key).current() : null, entry.current());
            for (Instant deadline : entry.breaches()) {
                if (deadline.isBefore(now)) {
                    batch.breach(caseId, entry, deadline);
                }
            }
        }
        for (String bucket : change.buckets()) {
            // The same cells change in the bucket and in each of its history documents: worked out once.
            Map<CellKey, Cell> delta = change.delta(bucket, settings.dimensions(), settings.pairs());
            for (String document : FigureHistory.ids(bucket, change.recordedAt())) {
                history.add(document, caseId, version, delta, change.recordedAt());
            }
            buckets.add(bucket, caseId, version, delta, change.recordedAt());
        }
        List<String> days = change.added().keySet().stream().map(BucketFigures::day).sorted().toList();
        if (!days.isEmpty() && batch.widens(days.get(0), days.get(days.size() - 1))) {
            figures.add(List.of(new UpdateOneModel<>(eq("_id", EXTENT), Updates.combine(Updates.min("firstDay", days.get(0)),
                    Updates.max("lastDay", days.get(days.size() - 1))), new UpdateOptions().upsert(true))));
        }
        if (batch.alone) {
            batch.flushBreaches();
        }
        caseFacts.save(caseId, new Document("_id", caseId).append("version", version).append("facts", facts));
        Map<String, LedgerEntry> entries = applied.entries();
        cases.save(caseId, () -> new Document("_id", caseId).append("version", version)
                .append("entries", LedgerDocuments.toDocuments(entries)));
    }

    private static final String BATCH = ObligationLedgerProjection.class.getName() + "/batch";

    /** A case as this batch last left it: its facts as stored and as parsed, and its ledger entries. */
    private record CaseState(long version, List<Document> facts, List<CaseFact> parsed, Map<String, LedgerEntry> entries) {
    }

    /** What one processor batch has written so far, so that it writes each shared thing once. */
    private final class Batch {
        /** Outside a processor batch (a handler called directly): everything is written at once. */
        final boolean alone;
        final Map<String, CaseState> cases = new HashMap<>();
        String firstDay;
        String lastDay;
        final Map<String, WriteModel<Document>> breaches = new LinkedHashMap<>();

        Batch(boolean alone) {
            this.alone = alone;
        }

        /** Whether the days reach beyond those this batch already sent to the extent. */
        boolean widens(String first, String last) {
            boolean widens = firstDay == null || first.compareTo(firstDay) < 0 || last.compareTo(lastDay) > 0;
            firstDay = firstDay == null || first.compareTo(firstDay) < 0 ? first : firstDay;
            lastDay = lastDay == null || last.compareTo(lastDay) > 0 ? last : lastDay;
            return widens;
        }

        void breach(String caseId, LedgerEntry entry, Instant deadline) {
            String id = breachId(caseId, entry.key(), deadline);
            breaches.computeIfAbsent(id, i -> ObligationLedgerProjection.breach(caseId, entry, deadline));
        }

        void flushBreaches() {
            write(ObligationLedgerProjection.this.breaches, new ArrayList<>(breaches.values()));
            breaches.clear();
        }
    }

    private Batch batch() {
        Batch batch = ProcessorBatch.resource(BATCH, unit -> new Batch(false), Batch::flushBreaches);
        return batch != null ? batch : new Batch(true);
    }

    /**
     * Lists an open obligation under its deadline for the sweeper, once (an item per obligation and deadline, kept
     * after it is met, until the sweeper has passed it). A deadline already passed needs no item: the breach is
     * written here, above, and a history being caught up or replayed would otherwise leave an item per obligation.
     */
    private void dueItem(String caseId, String key, LedgerRevision revision, Instant now) {
        Obligation o = revision.obligation();
        if (o == null || o.status() != ObligationStatus.OPEN || o.deadline() == null || o.deadline().isBefore(now)) {
            return;
        }
        due.save(dueId(o.deadline(), caseId, key), new Document("c", caseId).append("k", key).append("d", o.deadline().toString()));
    }

    /**
     * Keeps an outstanding obligation on its work list with its current description, so the list answers without
     * reading the cases: one item per obligation, whose {@code _id} puts it in its list in deadline order; removed
     * where it was when its list or deadline changes, or when it is no longer outstanding.
     */
    private void openItems(String caseId, String key, LedgerRevision previous, LedgerRevision next) {
        String was = openItemId(previous, caseId, key);
        String is = openItemId(next, caseId, key);
        if (was != null && !was.equals(is)) {
            open.delete(was);
            restamp(openList(previous));
        }
        if (is != null) {
            open.save(is, new Document("c", caseId).append("k", key).append("r", next.recordedAt().toString())
                    .append("o", RecordDocuments.toDocument(next.obligation())));
            restamp(openList(next));
        }
    }

    /** A stamp never used before, so a list rebuilt by a replay can never show a reader the stamp it cached. */
    private void restamp(String list) {
        openStamps.save(list, ByIds::freshStamp);
    }

    /** The work list an outstanding obligation appears on: its owner's, in its case's BCU. */
    static String openList(LedgerRevision revision) {
        if (revision == null || revision.obligation() == null || !OUTSTANDING.contains(revision.obligation().status())) {
            return null;
        }
        return openListId(revision.obligation().owner().name(), CellKey.values(revision.groups(), ReviewDimension.BCU).get(0));
    }

    /** The item of an outstanding obligation in its work list, or null when it is not outstanding. */
    static String openItemId(LedgerRevision revision, String caseId, String key) {
        String list = openList(revision);
        return list == null ? null : list + "|" + sortable(revision.obligation().deadline()) + "|" + caseId + "|" + key;
    }

    static String openListId(String agency, String bcu) {
        return agency + "|" + bcu;
    }

    static String dueId(Instant deadline, String caseId, String key) {
        return sortable(deadline) + "|" + caseId + "|" + key;
    }

    static String sortable(Instant instant) {
        return instant == null ? NO_DEADLINE : SORTABLE.format(instant);
    }

    /** A breach as a fact of its own, written once whoever finds it first (the processor or a sweeper). */
    static WriteModel<Document> breach(String caseId, LedgerEntry entry, Instant deadline) {
        Obligation o = entry.revisions().stream().map(LedgerRevision::obligation)
                            .filter(x -> x != null && deadline.equals(x.deadline())).findFirst().orElseThrow();
        String id = breachId(caseId, entry.key(), deadline);
        Document breach = new Document("caseId", caseId).append("key", entry.key()).append("ruleId", o.ruleId())
                .append("owner", o.owner().name()).append("victimId", o.victimId()).append("triggerSequence", o.triggerSequence())
                .append("overdueFrom", deadline.toString());
        return new UpdateOneModel<>(eq("_id", id), Updates.setOnInsert(breach), new UpdateOptions().upsert(true));
    }

    static String breachId(String caseId, String key, Instant deadline) {
        return caseId + "|" + key + "|" + deadline.getEpochSecond() + "_" + deadline.getNano();
    }

    static void write(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // Two writers upserting the same new breach: one insert wins, the other's duplicate key is the "once".
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != 11000)) {
                throw e;
            }
        }
    }

    @ResetHandler
    void reset() {
        ReadModelCollections.dropThoseThere(database, Stream.concat(Stream.of(LEDGER, FACTS, FIGURES, HISTORY, DUE, OPEN,
                OPEN_STAMPS, BREACHES, SWEEPS), SUPERSEDED.stream()).toList());
    }
}
