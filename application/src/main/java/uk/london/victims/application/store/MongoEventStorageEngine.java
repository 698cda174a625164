package uk.london.victims.application.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Axon event storage on MongoDB that a compliance record can rest on: nothing acknowledged is lost,
 * and a streaming processor never skips an event, however late its append completes.
 *
 * <p>Layout (see ADR 0003). Every lookup on a hot path is by {@code _id}, the one access the embedded
 * server serves from an index at any size.
 * <ul>
 *   <li>{@code event_sequence}: one counter document; an append reserves a block of global positions.</li>
 *   <li>{@code event_streams}: one <em>claim</em> per aggregate event, {@code _id = "<aggregate>/<sequence>"}.
 *       Its unique {@code _id} is the optimistic-concurrency check, and it points at the commit that
 *       holds the event, so an aggregate is read by {@code _id $in} without scanning.</li>
 *   <li>{@code events}: one <em>commit</em> document per append, {@code _id} = its first global position,
 *       holding all the append's events. One document insert is atomic, so an append is seen whole or
 *       not at all. A <em>void</em> document occupies a reserved position that will never hold events.</li>
 *   <li>{@code snapshots}: the latest snapshot per aggregate, {@code _id} = aggregate id.</li>
 * </ul>
 *
 * <p>Late appends. A position reserved but not yet written is a gap in the processor's
 * {@link GapAwareTrackingToken}, and is read again on every fetch until it is filled: the processor
 * waits for it rather than skipping it. A writer that died leaves a gap that would never fill, so once a
 * reserved position has been missing for {@code gapTimeout} a reader inserts a void document there. Both
 * the writer and the reader insert at the same {@code _id}; whichever comes second gets a duplicate-key
 * error. A writer that loses fails its command (not acknowledged), so an event is either delivered to
 * every processor or was never acknowledged to anyone.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    /** A command that produces more events than this in one unit of work is refused. */
    public static final int MAX_EVENTS_PER_COMMIT = 100;

    /** Event metadata naming the request that produced the events; recorded once, atomically with them. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** Event metadata fingerprinting that request (e.g. a hash of method, path and body). */
    public static final String REQUEST_FINGERPRINT = "requestFingerprint";

    static final String EVENTS = "events";
    static final String STREAMS = "event_streams";
    static final String SEQUENCE = "event_sequence";
    static final String SNAPSHOTS = "snapshots";
    private static final String COUNTER_ID = "events";
    private static final String UNIQUE_PREFIX = "unique:";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> streams;
    private final MongoCollection<Document> sequence;
    private final MongoCollection<Document> snapshots;
    /** Where reservations and claims are written: they need not be durable before the append's commit is. */
    private final MongoCollection<Document> interimSequence;
    private final MongoCollection<Document> interimStreams;
    private final Clock clock;
    private final Duration gapTimeout;
    private final LongConsumer afterClaim;
    private final Function<EventMessage<?>, String> uniqueValue;
    private final int readAheadPerStream;
    private final Map<Long, Instant> missingSince = new ConcurrentHashMap<>();
    private final LongAdder aggregateEventsRead = new LongAdder();
    private final LongAdder positionsVoided = new LongAdder();
    private final WriteCombiner<Integer, Long> reservations = new WriteCombiner<>(this::reserveBlocks);
    private final WriteCombiner<Document, CommitFailure> commits = new WriteCombiner<>(this::insertCommits);

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(EVENTS);
        this.streams = builder.database.getCollection(STREAMS);
        this.sequence = builder.database.getCollection(SEQUENCE);
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        this.interimSequence = builder.interimWriteConcern == null ? sequence
                : sequence.withWriteConcern(builder.interimWriteConcern);
        this.interimStreams = builder.interimWriteConcern == null ? streams
                : streams.withWriteConcern(builder.interimWriteConcern);
        this.clock = builder.clock;
        this.gapTimeout = builder.gapTimeout;
        this.afterClaim = builder.afterClaim;
        this.uniqueValue = builder.uniqueValue;
        this.readAheadPerStream = builder.readAheadPerStream;
        ensureCounter();
    }

    public static Builder builder() {
        return new Builder();
    }

    private void ensureCounter() {
        try {
            sequence.insertOne(new Document("_id", COUNTER_ID).append("value", 0L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ append

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        if (messages.size() > MAX_EVENTS_PER_COMMIT) {
            throw new EventStoreException("Refusing to append " + messages.size()
                    + " events in one unit of work; the limit is " + MAX_EVENTS_PER_COMMIT);
        }
        long first = reservePositions(messages.size());
        Date recordedAt = Date.from(clock.instant());
        List<Document> claims = new ArrayList<>();
        List<Document> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            EventMessage<?> message = messages.get(i);
            Document entry = toEntry(message, serializer);
            entries.add(entry);
            if (message instanceof DomainEventMessage<?> domain && domain.getType() != null) {
                claims.add(new Document("_id", streamKey(domain.getAggregateIdentifier(), domain.getSequenceNumber()))
                        .append("c", first).append("i", i).append("at", recordedAt));
            }
        }

        // Values that must be unique across the store, such as a crime reference: claimed in the same ordered
        // insert as the events' own claims, so a value is taken exactly when its event is stored (ADR 0018).
        List<Document> uniqueClaims = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String value = uniqueValue.apply(messages.get(i));
            if (value != null) {
                freeIfAbandoned(uniqueClaimKey(value));
                uniqueClaims.add(new Document("_id", uniqueClaimKey(value)).append("c", first).append("i", i).append("at", recordedAt));
            }
        }
        claims.addAll(0, uniqueClaims);
        Object idempotencyKey = messages.get(0).getMetaData().get(IDEMPOTENCY_KEY);
        if (idempotencyKey instanceof String key) {
            // First in the ordered insert: a retry stops here, before any stream claim is written.
            claims.add(0, new Document("_id", idempotencyClaimKey(key)).append("c", first).append("i", messages.size() - 1)
                    .append("h", messages.get(0).getMetaData().get(REQUEST_FINGERPRINT)).append("at", recordedAt));
        }
        claim(claims, first, messages, idempotencyKey instanceof String key ? key : null, uniqueClaims.size());
        afterClaim.accept(first);
        CommitFailure failure;
        try {
            failure = commits.write(new Document("_id", first).append("n", messages.size())
                    .append("at", recordedAt).append("events", entries));
        } catch (RuntimeException e) {
            failure = new CommitFailure(null, e);
        }
        if (failure == null) {
            return;
        }
        if (failure.category() == null) {
            // The outcome is unknown (for example a lost connection): leave claims and position for the
            // gap timeout to resolve, since deleting them could undo an append that did succeed.
            throw new EventStoreException("The append failed with an unknown outcome", failure.cause());
        }
        releaseClaims(claims, claims.size());
        voidPositions(first + 1, messages.size() - 1);
        if (failure.category() == ErrorCategory.DUPLICATE_KEY) {
            // A reader waited gapTimeout for this position and voided it: this append is abandoned.
            throw new EventStoreException("The append took longer than " + gapTimeout
                    + " to complete and was abandoned; nothing was stored", failure.cause());
        }
        throw new EventStoreException("The append failed; nothing was stored", failure.cause());
    }

    /**
     * Why one commit document was not stored: {@code category} when the store refused that document (so
     * nothing of it was written), null when the outcome is unknown.
     */
    private record CommitFailure(ErrorCategory category, RuntimeException cause) {
    }

    /**
     * Writes the commit documents of concurrent appends in one insert, so that they share one round trip
     * and one durable commit (ADR 0031). Unordered: a document refused (a position voided by a reader) does
     * not stop the others, and each append learns its own document's fate.
     */
    private List<CommitFailure> insertCommits(List<Document> batch) {
        if (batch.size() == 1) {
            try {
                events.insertOne(batch.get(0));
                return Collections.singletonList(null);
            } catch (MongoWriteException e) {
                return List.of(new CommitFailure(e.getError().getCategory(), e));
            }
        }
        List<CommitFailure> failures = new ArrayList<>(Collections.nCopies(batch.size(), null));
        try {
            events.insertMany(batch, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (var error : e.getWriteErrors()) {
                failures.set(error.getIndex(), new CommitFailure(ErrorCategory.fromErrorCode(error.getCode()), e));
            }
            if (e.getWriteConcernError() != null) {
                // Applied, perhaps not durable: the documents not refused have an unknown outcome.
                for (int i = 0; i < failures.size(); i++) {
                    if (failures.get(i) == null) {
                        failures.set(i, new CommitFailure(null, e));
                    }
                }
            }
        }
        return failures;
    }

    private long reservePositions(int count) {
        return reservations.write(count);
    }

    /**
     * Reserves the positions of concurrent appends with one counter update, a block for each in turn.
     * A failure fails every append of the batch, none of which has written anything yet.
     */
    private List<Long> reserveBlocks(List<Integer> counts) {
        long total = counts.stream().mapToLong(Integer::longValue).sum();
        Document counter = interimSequence.findOneAndUpdate(eq("_id", COUNTER_ID), Updates.inc("value", total),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (counter == null) {
            throw new EventStoreException("The event sequence counter is missing");
        }
        long next = counter.get("value", Number.class).longValue() - total + 1;
        List<Long> firsts = new ArrayList<>(counts.size());
        for (int count : counts) {
            firsts.add(next);
            next += count;
        }
        return firsts;
    }

    private void claim(List<Document> claims, long first, List<? extends EventMessage<?>> messages,
                       String idempotencyKey, int uniqueClaims) {
        if (claims.isEmpty()) {
            return;
        }
        int streamClaimsFrom = (idempotencyKey == null ? 0 : 1) + uniqueClaims;
        int from = 0;
        // Each pass that finds a dead stream claim in the way frees it and carries on from there; one pass per
        // claim at most, since a freed claim never comes back dead.
        for (int pass = 0; ; pass++) {
            try {
                interimStreams.insertMany(claims.subList(from, claims.size()), new InsertManyOptions().ordered(true));
                return;
            } catch (MongoBulkWriteException e) {
                // Ordered: everything before the first failed claim was inserted, nothing after it.
                int inserted = from + (e.getWriteErrors().isEmpty() ? 0 : e.getWriteErrors().get(0).getIndex());
                boolean conflict = !e.getWriteErrors().isEmpty() && e.getWriteErrors().stream()
                        .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
                if (conflict && inserted >= streamClaimsFrom && pass < claims.size()
                    && freeIfDead(claims.get(inserted).getString("_id"))) {
                    from = inserted;
                    continue;
                }
                releaseClaims(claims, inserted);
                voidPositions(first, messages.size());
                if (!conflict) {
                    throw new EventStoreException("Could not claim the event sequence; nothing was stored", e);
                }
                if (idempotencyKey != null && inserted == 0) {
                    throw new RepeatedRequestException(idempotencyKey);
                }
                if (inserted < streamClaimsFrom) {
                    String key = claims.get(inserted).getString("_id");
                    throw new UniqueValueTakenException(key.substring(UNIQUE_PREFIX.length()));
                }
                DomainEventMessage<?> clash = (DomainEventMessage<?>) messages.stream()
                        .filter(m -> m instanceof DomainEventMessage<?> d && d.getType() != null)
                        .skip(inserted - streamClaimsFrom).findFirst().orElseThrow();
                String message = "Event " + clash.getSequenceNumber() + " of " + clash.getType() + " "
                                 + clash.getAggregateIdentifier() + " was already written by a concurrent change";
                if (clash.getSequenceNumber() == 0) {
                    throw new AggregateStreamCreationException(message, e);
                }
                throw new ConcurrencyException(message, e);
            }
        }
    }

    /**
     * Frees the stream claim in an append's way when it belongs to a failed or abandoned append, as loading the
     * aggregate would. Without this a writer that died between its claims and its commit on a case's first event
     * would keep that case from ever being created: creating never loads the aggregate. True when the claim is
     * gone (freed here or by another), so the append may try again.
     */
    private boolean freeIfDead(String streamKey) {
        Document claim = streams.find(eq("_id", streamKey)).first();
        if (claim == null) {
            return true;
        }
        Document commit = events.find(eq("_id", claim.get("c", Number.class).longValue())).first();
        int slash = streamKey.lastIndexOf('/');
        return resolveUnfinished(streamKey.substring(0, slash), Long.parseLong(streamKey.substring(slash + 1)), claim, commit);
    }

    private void releaseClaims(List<Document> claims, int count) {
        if (count > 0) {
            streams.deleteMany(in("_id", claims.subList(0, count).stream().map(c -> c.get("_id")).toList()));
        }
    }

    /** Occupies reserved positions that will never hold events, so that no processor waits for them. */
    private void voidPositions(long from, int count) {
        if (count <= 0) {
            return;
        }
        List<Document> voids = LongStream.range(from, from + count)
                .mapToObj(p -> new Document("_id", p).append("n", 1).append("void", true)
                        .append("at", Date.from(clock.instant())))
                .toList();
        try {
            events.insertMany(voids, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // Positions already occupied (by a reader's void) need nothing more.
        }
        positionsVoided.add(count);
    }

    /** Voids one position unless something got there first; true when the void was written. */
    private boolean voidPosition(long position) {
        try {
            events.insertOne(new Document("_id", position).append("n", 1).append("void", true)
                    .append("at", Date.from(clock.instant())));
            positionsVoided.increment();
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private Document toEntry(EventMessage<?> message, Serializer serializer) {
        SerializedObject<String> payload = serializer.serialize(message.getPayload(), String.class);
        SerializedObject<String> metaData = serializer.serialize(message.getMetaData(), String.class);
        Document entry = new Document("eventId", message.getIdentifier());
        if (message instanceof DomainEventMessage<?> domain && domain.getType() != null) {
            entry.append("aggregateType", domain.getType())
                 .append("aggregateId", domain.getAggregateIdentifier())
                 .append("seq", domain.getSequenceNumber());
        }
        return entry.append("timestamp", message.getTimestamp().toString())
                    .append("payloadType", payload.getType().getName())
                    .append("payloadRevision", payload.getType().getRevision())
                    .append("payload", payload.getData())
                    .append("metaData", metaData.getData());
    }

    /**
     * The outcome of the earlier request that used this idempotency key, or empty when the key is free
     * (never used, or used by an append that failed, whose claim is then released). Two {@code _id}
     * lookups, whatever the size of the store.
     *
     * @throws ConcurrencyException while the earlier request's append is still in flight
     */
    public Optional<IdempotentOutcome> findIdempotentOutcome(String idempotencyKey) {
        String claimKey = idempotencyClaimKey(idempotencyKey);
        Document claim = streams.find(eq("_id", claimKey)).first();
        if (claim == null) {
            return Optional.empty();
        }
        long commitId = claim.get("c", Number.class).longValue();
        Document commit = events.find(eq("_id", commitId)).first();
        if (commit == null) {
            boolean abandoned = !clock.instant().isBefore(claim.getDate("at").toInstant().plus(gapTimeout))
                                && voidPosition(commitId);
            if (!abandoned) {
                throw new ConcurrencyException("The earlier request with this idempotency key is still being recorded");
            }
        } else if (!commit.getBoolean("void", false)) {
            Document entry = commit.getList("events", Document.class).get(claim.getInteger("i"));
            return Optional.of(new IdempotentOutcome(entry.getString("aggregateId"),
                    entry.get("seq", Number.class).longValue(), claim.getString("h")));
        }
        streams.deleteOne(and(eq("_id", claimKey), eq("c", commitId)));
        return Optional.empty();
    }

    /**
     * A unique value's claim outlives a failed append only until it is seen to be dead: its commit void, or
     * missing for longer than the gap timeout (its writer died). Then the value is free again.
     */
    private void freeIfAbandoned(String claimKey) {
        Document claim = streams.find(eq("_id", claimKey)).first();
        if (claim == null) {
            return;
        }
        long commitId = claim.get("c", Number.class).longValue();
        if (isDead(claim, events.find(eq("_id", commitId)).first())) {
            streams.deleteOne(and(eq("_id", claimKey), eq("c", commitId)));
        }
    }

    /**
     * Whether a claim's append will never complete: its commit is void (the append failed), or missing for longer
     * than the gap timeout (its writer died), in which case its position is voided here so that it stays so.
     */
    private boolean isDead(Document claim, Document commit) {
        if (commit != null) {
            return commit.getBoolean("void", false);
        }
        return !clock.instant().isBefore(claim.getDate("at").toInstant().plus(gapTimeout))
               && voidPosition(claim.get("c", Number.class).longValue());
    }

    private static String uniqueClaimKey(String value) {
        // Cannot collide with a stream claim (no ':' in aggregate ids) nor an idempotency claim.
        return UNIQUE_PREFIX + value;
    }

    private static String idempotencyClaimKey(String key) {
        // Cannot collide with a stream claim: aggregate ids never contain ':'.
        return "idempotency:" + key;
    }

    // -------------------------------------------------------------------------------------- aggregates

    /**
     * Returns up to {@code batchSize} events from {@code firstSequenceNumber} on. Each claim costs the
     * embedded server an index probe, so the stream is probed in growing steps rather than asking for a
     * whole batch of keys that mostly do not exist: a case read from a recent snapshot or a short case
     * costs a few probes, a long one no more than twice the events it has.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        Map<Long, Document> claimsBySeq = new TreeMap<>();
        long next = firstSequenceNumber;
        long end = firstSequenceNumber + batchSize;
        int step = 8;
        while (next < end) {
            long stepEnd = Math.min(end, next + step);
            List<String> keys = LongStream.range(next, stepEnd).mapToObj(seq -> streamKey(aggregateIdentifier, seq)).toList();
            int found = 0;
            for (Document claim : streams.find(in("_id", keys))) {
                String key = claim.getString("_id");
                claimsBySeq.put(Long.parseLong(key.substring(key.lastIndexOf('/') + 1)), claim);
                found++;
            }
            if (found < keys.size()) {
                break;
            }
            next = stepEnd;
            step *= 4;
        }
        if (claimsBySeq.isEmpty()) {
            return List.of();
        }
        Set<Long> commitIds = new HashSet<>();
        claimsBySeq.values().forEach(c -> commitIds.add(c.get("c", Number.class).longValue()));
        Map<Long, Document> commits = findCommits(commitIds);

        List<DomainEventData<?>> result = new ArrayList<>();
        long expected = firstSequenceNumber;
        for (Map.Entry<Long, Document> e : claimsBySeq.entrySet()) {
            Document claim = e.getValue();
            long commitId = claim.get("c", Number.class).longValue();
            Document commit = commits.get(commitId);
            if (e.getKey() != expected || commit == null || commit.getBoolean("void", false)) {
                resolveUnfinished(aggregateIdentifier, e.getKey(), claim, commit);
                break;
            }
            Document entry = commit.getList("events", Document.class).get(claim.getInteger("i"));
            result.add(toDomainEventData(entry));
            expected++;
        }
        aggregateEventsRead.add(result.size());
        return result;
    }

    /**
     * A claim whose commit is void belongs to an append that failed; one whose commit is missing, to an
     * append still in flight or whose writer died. Once the latter is older than the gap timeout its
     * position is voided, and then the failed append's claims are removed so the sequence number can be
     * used again. Until then a new append to the aggregate gets a concurrency conflict, never a hole.
     */
    private boolean resolveUnfinished(String aggregateIdentifier, long seq, Document claim, Document commit) {
        long commitId = claim.get("c", Number.class).longValue();
        boolean dead = isDead(claim, commit);
        if (dead) {
            List<String> sameCommit = LongStream.range(seq, seq + MAX_EVENTS_PER_COMMIT)
                                                .mapToObj(s -> streamKey(aggregateIdentifier, s)).toList();
            streams.deleteMany(and(in("_id", sameCommit), eq("c", commitId)));
        }
        return dead;
    }

    /** A batch shorter than asked for is the end of the stream: no extra round trip to learn it. */
    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    // -------------------------------------------------------------------------------------- streaming

    /**
     * A stream that may block is the one Axon's event store reads ahead with, into the window it shares between
     * the processors. It ends after {@code readAheadPerStream} events, and the reader opens the next at once:
     * the reader keeps the newest event it had when a stream began for as long as that stream runs
     * (AxonFramework#2954), and with it every event read since, so one stream running on through a large
     * import kept hundreds of thousands of events in memory (ADR 0039). Other streams run to the end.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventData<?>> all = super.readEventData(trackingToken, mayBlock);
        return mayBlock ? all.limit(readAheadPerStream) : all;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = lastToken == null
                ? GapAwareTrackingToken.newInstance(0, Set.of())
                : (GapAwareTrackingToken) lastToken;
        // A run of void positions yields no events but moves the token; keep going so that a long run
        // cannot stall the processor, while bounding the work of one call.
        for (int round = 0; round < 16; round++) {
            Fetch fetch = fetchOnce(token, batchSize);
            if (!fetch.events.isEmpty() || fetch.token.equals(token)) {
                return fetch.events;
            }
            token = fetch.token;
        }
        return List.of();
    }

    private record Fetch(List<TrackedEventData<?>> events, GapAwareTrackingToken token) {
    }

    private Fetch fetchOnce(GapAwareTrackingToken start, int batchSize) {
        long reserved = reservedHighWater();
        long from = start.getIndex() + 1;
        long to = Math.min(start.getIndex() + batchSize, reserved);
        SortedSet<Long> wanted = new TreeSet<>(start.getGaps());
        for (long p = from; p <= to; p++) {
            wanted.add(p);
        }
        if (wanted.isEmpty()) {
            return new Fetch(List.of(), start);
        }
        List<Document> commits = new ArrayList<>();
        events.find(in("_id", wanted)).forEach(commits::add);
        if (from <= to && commits.stream().noneMatch(c -> c.get("_id", Number.class).longValue() == from)) {
            // The token may stop inside a commit (one holds several positions), so the commit holding
            // `from` can start up to MAX-1 positions earlier. Looked for only when needed: each id costs.
            List<Long> before = LongStream.range(Math.max(1, from - MAX_EVENTS_PER_COMMIT + 1), from).boxed().toList();
            if (!before.isEmpty()) {
                events.find(in("_id", before)).forEach(commits::add);
            }
        }
        commits.sort(Comparator.comparingLong(c -> c.get("_id", Number.class).longValue()));

        GapAwareTrackingToken token = start;
        List<TrackedEventData<?>> result = new ArrayList<>();
        Set<Long> covered = new HashSet<>();
        for (Document commit : commits) {
            long id = commit.get("_id", Number.class).longValue();
            boolean isVoid = commit.getBoolean("void", false);
            List<Document> entries = isVoid ? List.of() : commit.getList("events", Document.class);
            int count = commit.get("n", Number.class).intValue();
            for (int i = 0; i < count; i++) {
                long position = id + i;
                covered.add(position);
                if (position > token.getIndex() || token.getGaps().contains(position)) {
                    token = token.advanceTo(position, Integer.MAX_VALUE);
                    if (!isVoid) {
                        result.add(new TrackedDomainEventData<>(token, toDomainEventData(entries.get(i))));
                    }
                }
            }
        }
        wanted.removeAll(covered);
        voidAbandoned(wanted);
        return new Fetch(result, token);
    }

    /**
     * Voids reserved positions missing for longer than the gap timeout, lowest first, stopping at the
     * first that is still young or already filled. Going in order matters: a commit occupies a run of
     * positions from its first, so a position inside a live commit's run can only be reached after the
     * commit's first position has been filled by it (then it is not missing) or voided (then the commit
     * can never be written).
     */
    private void voidAbandoned(SortedSet<Long> missing) {
        missingSince.keySet().retainAll(missing);
        Instant now = clock.instant();
        for (long position : missing) {
            Instant since = missingSince.computeIfAbsent(position, p -> now);
            if (now.isBefore(since.plus(gapTimeout)) || !voidPosition(position)) {
                return;
            }
            missingSince.remove(position);
        }
    }

    private long reservedHighWater() {
        Document counter = sequence.find(eq("_id", COUNTER_ID)).first();
        return counter == null ? 0 : counter.get("value", Number.class).longValue();
    }

    private Map<Long, Document> findCommits(Collection<Long> ids) {
        Map<Long, Document> commits = new HashMap<>();
        for (Document commit : events.find(in("_id", ids))) {
            commits.put(commit.get("_id", Number.class).longValue(), commit);
        }
        return commits;
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        return tokenBefore(reservedHighWater() + 1);
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        // A rare, administrative call: a scan of the recording times is acceptable here.
        Document firstAfter = events.find(gte("at", Date.from(dateTime))).sort(new Document("_id", 1)).first();
        return firstAfter == null ? createHeadToken()
                                  : tokenBefore(firstAfter.get("_id", Number.class).longValue());
    }

    /** A token that has seen everything before {@code position}, except positions not yet filled. */
    private GapAwareTrackingToken tokenBefore(long position) {
        long index = position - 1;
        if (index <= 0) {
            return GapAwareTrackingToken.newInstance(0, Set.of());
        }
        long from = Math.max(1, index - 1000);
        Set<Long> covered = new HashSet<>();
        List<Long> ids = LongStream.rangeClosed(Math.max(1, from - MAX_EVENTS_PER_COMMIT), index).boxed().toList();
        for (Document commit : events.find(in("_id", ids))) {
            long id = commit.get("_id", Number.class).longValue();
            for (int i = 0; i < commit.get("n", Number.class).intValue(); i++) {
                covered.add(id + i);
            }
        }
        // The newest positions may be reserved but not yet written (an append in flight, or cut short by a
        // crash): a token's gaps must lie below its index, so it stops at the newest written position and
        // the reads that follow pick up the rest in order.
        long top = LongStream.iterate(index, p -> p >= from, p -> p - 1).filter(covered::contains).findFirst().orElse(from - 1);
        if (top <= 0) {
            return GapAwareTrackingToken.newInstance(0, Set.of());
        }
        List<Long> gaps = LongStream.range(from, top).filter(p -> !covered.contains(p)).boxed().toList();
        return GapAwareTrackingToken.newInstance(top, gaps);
    }

    // -------------------------------------------------------------------------------------- snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document current = snapshots.find(eq("_id", snapshot.getAggregateIdentifier())).first();
        if (current != null && current.get("seq", Number.class).longValue() >= snapshot.getSequenceNumber()) {
            return;
        }
        Document entry = toEntry(snapshot, serializer).append("_id", snapshot.getAggregateIdentifier());
        snapshots.replaceOne(eq("_id", snapshot.getAggregateIdentifier()), entry, new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(eq("_id", aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(toDomainEventData(snapshot));
    }

    // -------------------------------------------------------------------------------------- helpers

    private static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    private static DomainEventData<String> toDomainEventData(Document entry) {
        String eventId = entry.getString("eventId");
        String aggregateId = entry.getString("aggregateId");
        Number seq = entry.get("seq", Number.class);
        // Events published outside an aggregate carry no stream; Axon's convention is to use the event id.
        return new GenericDomainEventEntry<>(entry.getString("aggregateType"),
                aggregateId == null ? eventId : aggregateId, seq == null ? 0 : seq.longValue(), eventId,
                entry.getString("timestamp"), entry.getString("payloadType"), entry.getString("payloadRevision"),
                entry.getString("payload"), entry.getString("metaData"));
    }

    /**
     * Whether the aggregate has an event after {@code sequence}: one {@code _id} lookup, so that an
     * instance can check a cached copy against what other instances appended.
     */
    public boolean hasEventAfter(String aggregateIdentifier, long sequence) {
        return streams.find(eq("_id", aggregateIdentifier + "/" + (sequence + 1))).first() != null;
    }

    /** Events read to rebuild aggregates since start: lets tests and metrics see snapshots and the cache at work. */
    public long aggregateEventsRead() {
        return aggregateEventsRead.sum();
    }

    /** Reserved positions filled with a void since start (failed appends and abandoned gaps). */
    public long positionsVoided() {
        return positionsVoided.sum();
    }

    /** The highest global position reserved so far. */
    public long lastReservedPosition() {
        return reservedHighWater();
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private Clock clock = Clock.systemUTC();
        private Duration gapTimeout = Duration.ofSeconds(10);
        private LongConsumer afterClaim = position -> {
        };
        private WriteConcern interimWriteConcern;
        private Function<EventMessage<?>, String> uniqueValue = message -> null;
        private int readAheadPerStream = 10_000;

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How long a reserved position may stay empty before readers give up on it and void it. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /**
         * The write concern for reserving positions and claiming streams, which may be weaker than the
         * commit's: the commit document is written after them, and a store that makes writes durable in
         * order (the embedded store's MVStore commits, a MongoDB journal) makes them durable with it. An
         * append that fails before its commit is not acknowledged, so losing its interim writes loses
         * nothing anyone was told of. Unset: the collection's own write concern.
         */
        public Builder interimWriteConcern(WriteConcern interimWriteConcern) {
            this.interimWriteConcern = interimWriteConcern;
            return this;
        }

        /** A test seam: runs after an append has claimed its sequence and before it writes its commit. */
        /**
         * What in an event must be unique across the store (null for nothing): for example
         * {@code "crimeReference:" + reference}. A second event with the same value is refused with
         * {@link UniqueValueTakenException} and nothing of its append is stored.
         */
        public Builder uniqueValue(Function<EventMessage<?>, String> uniqueValue) {
            this.uniqueValue = uniqueValue;
            return this;
        }

        /** Events a read-ahead stream yields before it ends and the reader opens the next (see {@code readEventData}). */
        public Builder readAheadPerStream(int readAheadPerStream) {
            this.readAheadPerStream = readAheadPerStream;
            return this;
        }

        public Builder afterClaim(LongConsumer afterClaim) {
            this.afterClaim = afterClaim;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public MongoEventStorageEngine build() {
            if (database == null) {
                throw new IllegalStateException("The event store needs a MongoDB database");
            }
            return new MongoEventStorageEngine(this);
        }
    }
}
