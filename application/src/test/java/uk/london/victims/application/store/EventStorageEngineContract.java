package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import uk.london.victims.application.axon.JsonSerialization;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.cases.CrimeRecordedEvent;
import uk.london.victims.domain.cases.CrimeReferences;
import uk.london.victims.domain.cases.CrimeReportedEvent;
import uk.london.victims.domain.cases.OffenceCategory;
import uk.london.victims.domain.cases.ReportChannel;
import uk.london.victims.domain.cases.VictimInformedEvent;
import uk.london.victims.domain.geography.Borough;

/** What the event store promises, run against each backend by the subclasses. */
abstract class EventStorageEngineContract extends OnEachBackend {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    /** The delay each test injects between an append's claim and its commit; none by default. */
    private volatile LongConsumer afterClaim = position -> {
    };
    private MongoEventStorageEngine engine;

    /** As the service configures it for this backend; null keeps the collection's own. */
    protected WriteConcern interimWriteConcern() {
        return null;
    }

    @BeforeEach
    void freshStore() {
        engine = newEngine(100);
    }

    private MongoEventStorageEngine newEngine(int batchSize) {
        return MongoEventStorageEngine.builder()
                .database(database)
                .clock(clock)
                .gapTimeout(GAP_TIMEOUT)
                .afterClaim(position -> afterClaim.accept(position))
                .interimWriteConcern(interimWriteConcern())
                .eventSerializer(JsonSerialization.serializer())
                .snapshotSerializer(JsonSerialization.serializer())
                .batchSize(batchSize)
                .uniqueValue(message -> message.getPayload() instanceof CrimeRecordedEvent recorded
                        ? CrimeReferences.uniqueValue(recorded.crimeReference()) : null)
                .build();
    }

    @Test
    void readsAnAggregateBackInOrder() {
        CaseId id = CaseId.newId();
        engine.appendEvents(reported(id), informed(id, 1), informed(id, 2));

        List<Long> sequence = engine.readEvents(id.value()).asStream().map(DomainEventMessage::getSequenceNumber).toList();

        assertThat(sequence).containsExactly(0L, 1L, 2L);
    }

    @Test
    void aConflictingAppendFailsAndWritesNothing() {
        CaseId id = CaseId.newId();
        engine.appendEvents(reported(id), informed(id, 1));
        List<String> before = allDeliveredEventIds();

        assertThatThrownBy(() -> engine.appendEvents(informed(id, 1), informed(id, 2)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(allDeliveredEventIds()).isEqualTo(before);
        assertThat(engine.readEvents(id.value()).asStream().count()).isEqualTo(2);
        assertThat(database.getCollection("event_streams").countDocuments()).isEqualTo(2);
        // The next append in sequence is not blocked by the failed one.
        engine.appendEvents(informed(id, 2));
        assertThat(engine.readEvents(id.value()).asStream().count()).isEqualTo(3);
    }

    @Test
    void creatingAnAggregateThatExistsIsAStreamCreationConflict() {
        CaseId id = CaseId.newId();
        engine.appendEvents(reported(id));

        assertThatThrownBy(() -> engine.appendEvents(reported(id))).isInstanceOf(AggregateStreamCreationException.class);
        assertThat(allDeliveredEventIds()).hasSize(1);
    }

    @Test
    void anAppendThatCompletesAfterLaterOnesIsDeliveredNotSkipped() throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread slowWriter = Thread.currentThread();
        CaseId slow = CaseId.newId();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        afterClaim = position -> {
            if (Thread.currentThread().getName().startsWith("slow-")) {
                claimed.countDown();
                await(release);
            }
        };
        Future<?> late = pool.submit(() -> {
            Thread.currentThread().setName("slow-writer");
            engine.appendEvents(reported(slow));
        });
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
        List<CaseId> fast = List.of(CaseId.newId(), CaseId.newId(), CaseId.newId());
        fast.forEach(id -> engine.appendEvents(reported(id)));

        List<? extends TrackedEventMessage<?>> firstRead = engine.readEvents((TrackingToken) null, false).toList();
        assertThat(firstRead).hasSize(3);
        TrackingToken afterFirstRead = firstRead.get(2).trackingToken();
        assertThat(((GapAwareTrackingToken) afterFirstRead).getGaps()).containsExactly(1L);

        release.countDown();
        late.get(10, TimeUnit.SECONDS);
        pool.shutdown();

        List<? extends TrackedEventMessage<?>> secondRead = engine.readEvents(afterFirstRead, false).toList();
        assertThat(secondRead).extracting(m -> ((CrimeReportedEvent) m.getPayload()).caseId()).containsExactly(slow);
        assertThat(((GapAwareTrackingToken) secondRead.get(0).trackingToken()).getGaps()).isEmpty();
        assertThat(slowWriter).isNotNull();
    }

    @Test
    void concurrentWritersWithDelayedAppendsLoseAndSkipNothing() throws Exception {
        int writers = 8;
        int appendsPerWriter = 60;
        // Every 20th append stalls for 1.5 s between claiming its sequence and writing its commit,
        // so later appends by other writers land first, as a slow or paused writer would cause.
        afterClaim = position -> {
            if (position % 20 == 0) {
                pause(1500);
            } else if (position % 3 == 0) {
                pause(2);
            }
        };
        Set<String> acknowledged = Collections.synchronizedSet(new HashSet<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        Thread consumer = new Thread(() -> {
            TrackingToken token = null;
            while (true) {
                boolean lastRound = !writing.get();
                for (TrackedEventMessage<?> message : engine.readEvents(token, false).toList()) {
                    delivered.add(message.getIdentifier());
                    token = message.trackingToken();
                }
                if (lastRound) {
                    return;
                }
                pause(5);
            }
        });
        consumer.start();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < appendsPerWriter; i++) {
                    CaseId id = CaseId.newId();
                    DomainEventMessage<?> event = reported(id);
                    engine.appendEvents(event);
                    acknowledged.add(event.getIdentifier());
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        writing.set(false);
        consumer.join(30_000);

        assertThat(acknowledged).hasSize(writers * appendsPerWriter);
        assertThat(delivered).doesNotHaveDuplicates();
        assertThat(new HashSet<>(delivered)).isEqualTo(acknowledged);
    }

    @Test
    void aWriterThatStallsPastTheGapTimeoutIsAbandonedAndNeverAcknowledged() throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CaseId stalled = CaseId.newId();
        engine.appendEvents(reported(stalled));
        afterClaim = position -> {
            if (Thread.currentThread().getName().startsWith("stalled-")) {
                claimed.countDown();
                await(release);
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "stalled-writer"));
        Future<?> stalledAppend = pool.submit(() -> engine.appendEvents(informed(stalled, 1)));
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
        CaseId later = CaseId.newId();
        engine.appendEvents(reported(later));

        List<? extends TrackedEventMessage<?>> beforeTimeout = engine.readEvents((TrackingToken) null, false).toList();
        assertThat(beforeTimeout).hasSize(2);
        TrackingToken token = beforeTimeout.get(1).trackingToken();
        assertThat(((GapAwareTrackingToken) token).getGaps()).containsExactly(2L);
        // The case cannot take a new event while its sequence 1 is held by the stalled append.
        assertThatThrownBy(() -> engine.appendEvents(informed(stalled, 1))).isInstanceOf(ConcurrencyException.class);

        clock.advance(GAP_TIMEOUT.plusSeconds(1));
        assertThat(engine.readEvents(token, false).toList()).isEmpty();
        release.countDown();

        assertThat(catchCause(stalledAppend)).isInstanceOf(EventStoreException.class);
        pool.shutdown();
        CaseId after = CaseId.newId();
        engine.appendEvents(reported(after));
        List<? extends TrackedEventMessage<?>> afterTimeout = engine.readEvents(token, false).toList();
        assertThat(afterTimeout).extracting(m -> ((CrimeReportedEvent) m.getPayload()).caseId()).containsExactly(after);
        assertThat(((GapAwareTrackingToken) afterTimeout.get(0).trackingToken()).getGaps()).isEmpty();
        // The abandoned event is gone for good, and the case's sequence 1 is free again.
        assertThat(engine.readEvents(stalled.value()).asStream().count()).isEqualTo(1);
        engine.appendEvents(informed(stalled, 1));
        assertThat(engine.readEvents(stalled.value()).asStream().count()).isEqualTo(2);
    }

    @Test
    void aRunOfVoidPositionsLongerThanABatchDoesNotStallProcessors() {
        MongoEventStorageEngine smallBatches = newEngine(10);
        CaseId id = CaseId.newId();
        smallBatches.appendEvents(reported(id));
        for (int i = 0; i < 35; i++) {
            assertThatThrownBy(() -> smallBatches.appendEvents(reported(id))).isInstanceOf(AggregateStreamCreationException.class);
        }
        smallBatches.appendEvents(informed(id, 1));

        List<? extends TrackedEventMessage<?>> all = smallBatches.readEvents((TrackingToken) null, false).toList();

        assertThat(all).hasSize(2);
        assertThat(all.get(1).getPayload()).isInstanceOf(VictimInformedEvent.class);
        assertThat(smallBatches.positionsVoided()).isEqualTo(35);
    }

    /** Axon's read-ahead holds what its stream read while that stream runs (ADR 0039): it must end and open the next. */
    @Test
    void aStreamThatMayBlockEndsAfterItsReadAheadAndTheNextCarriesOnWhereItStopped() {
        MongoEventStorageEngine readAheadOfFive = MongoEventStorageEngine.builder().database(database).clock(clock)
                .eventSerializer(JsonSerialization.serializer()).snapshotSerializer(JsonSerialization.serializer())
                .batchSize(2).readAheadPerStream(5).build();
        CaseId id = CaseId.newId();
        readAheadOfFive.appendEvents(reported(id));
        for (int i = 1; i < 12; i++) {
            readAheadOfFive.appendEvents(informed(id, i));
        }

        List<? extends TrackedEventMessage<?>> first = readAheadOfFive.readEvents((TrackingToken) null, true).toList();
        List<? extends TrackedEventMessage<?>> next = readAheadOfFive.readEvents(first.get(4).trackingToken(), true).toList();

        assertThat(first).hasSize(5);
        assertThat(next).extracting(m -> ((DomainEventMessage<?>) m).getSequenceNumber()).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(readAheadOfFive.readEvents((TrackingToken) null, false).toList()).as("a stream that does not block runs to the end")
                .hasSize(12);
    }

    @Test
    void keepsTheLatestSnapshot() {
        CaseId id = CaseId.newId();
        engine.appendEvents(reported(id), informed(id, 1));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Case", id.value(), 1, new Document("note", "state at 1")));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Case", id.value(), 0, new Document("note", "older")));

        DomainEventMessage<?> snapshot = engine.readSnapshot(id.value()).orElseThrow();

        assertThat(snapshot.getSequenceNumber()).isEqualTo(1);
    }

    @Test
    void aHeadTokenStartsAfterEverythingStored() {
        CaseId id = CaseId.newId();
        engine.appendEvents(reported(id), informed(id, 1));
        TrackingToken head = engine.createHeadToken();
        engine.appendEvents(informed(id, 2));

        assertThat(engine.readEvents(head, false).toList()).extracting(m -> m.getPayload().getClass().getSimpleName())
                .containsExactly("VictimInformedEvent");
    }

    /**
     * The newest reserved position can still be empty (an append in flight, or one a crash cut short): the
     * head token once named it as both its index and a gap, which Axon refuses ("Gap indices [[82]] should
     * all be smaller than head index [82]", seen after a store kill). The head stops below it, and the
     * append is delivered once it lands.
     */
    @Test
    void aHeadTokenTakenWhileTheNewestAppendIsInFlightDeliversThatAppendLater() throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CaseId id = CaseId.newId();
        engine.appendEvents(reported(id));
        afterClaim = position -> {
            if (Thread.currentThread().getName().startsWith("in-flight-")) {
                claimed.countDown();
                await(release);
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "in-flight-writer"));
        Future<?> inFlight = pool.submit(() -> engine.appendEvents(informed(id, 1)));
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

        TrackingToken head = engine.createHeadToken();
        release.countDown();
        inFlight.get(30, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(engine.readEvents(head, false).toList()).extracting(m -> m.getPayload().getClass().getSimpleName())
                .containsExactly("VictimInformedEvent");
    }

    @Test
    void anIdempotencyKeyIsRecordedWithTheAppendAndARetryWritesNothing() {
        CaseId id = CaseId.newId();
        engine.appendEvents(reported(id));
        MetaData request = MetaData.with(MongoEventStorageEngine.IDEMPOTENCY_KEY, "client-1/key-1")
                                   .and(MongoEventStorageEngine.REQUEST_FINGERPRINT, "sha256:abc");
        engine.appendEvents(informed(id, 1).andMetaData(request), informed(id, 2).andMetaData(request));
        List<String> before = allDeliveredEventIds();

        assertThatThrownBy(() -> engine.appendEvents(informed(id, 3).andMetaData(request)))
                .isInstanceOf(RepeatedRequestException.class);

        assertThat(allDeliveredEventIds()).isEqualTo(before);
        assertThat(engine.findIdempotentOutcome("client-1/key-1"))
                .contains(new IdempotentOutcome(id.value(), 2, "sha256:abc"));
        assertThat(engine.findIdempotentOutcome("client-1/other")).isEmpty();
        engine.appendEvents(informed(id, 3));
    }

    @Test
    void aFailedAppendLeavesItsIdempotencyKeyFree() {
        CaseId id = CaseId.newId();
        engine.appendEvents(reported(id), informed(id, 1));
        MetaData request = MetaData.with(MongoEventStorageEngine.IDEMPOTENCY_KEY, "client-1/key-2");

        assertThatThrownBy(() -> engine.appendEvents(informed(id, 1).andMetaData(request)))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(engine.findIdempotentOutcome("client-1/key-2")).isEmpty();
        engine.appendEvents(informed(id, 2).andMetaData(request));
        assertThat(engine.findIdempotentOutcome("client-1/key-2")).map(IdempotentOutcome::version).contains(2L);
    }

    @Test
    void aSecondCaseCannotRecordACrimeReferenceAnotherCaseHoldsInAnySpelling() {
        CaseId first = CaseId.newId();
        CaseId second = CaseId.newId();
        engine.appendEvents(reported(first), recorded(first, 1, "CRIS-1/26"));
        engine.appendEvents(reported(second));
        List<String> before = allDeliveredEventIds();

        assertThatThrownBy(() -> engine.appendEvents(recorded(second, 1, " cris-1/26 ")))
                .isInstanceOf(UniqueValueTakenException.class).hasMessageContaining("crimeReference:CRIS-1/26");

        assertThat(allDeliveredEventIds()).isEqualTo(before);
        assertThat(engine.readEvents(second.value()).asStream().count()).isEqualTo(1);
        engine.appendEvents(recorded(second, 1, "CRIS-2/26"));
    }

    @Test
    void ofCasesRecordingOneReferenceAtOnceExactlyOneWins() throws Exception {
        List<CaseId> cases = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            CaseId id = CaseId.newId();
            engine.appendEvents(reported(id));
            cases.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(cases.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> appends = new ArrayList<>();
        for (CaseId id : cases) {
            appends.add(pool.submit(() -> {
                await(start);
                engine.appendEvents(recorded(id, 1, "CRIS-RACE/26"));
            }));
        }
        start.countDown();
        List<Throwable> failures = new ArrayList<>();
        for (Future<?> append : appends) {
            Throwable failure = catchCause(append);
            if (failure != null) {
                failures.add(failure);
            }
        }
        pool.shutdownNow();

        assertThat(failures).hasSize(cases.size() - 1).allMatch(f -> f instanceof UniqueValueTakenException);
        assertThat(cases.stream().mapToLong(id -> engine.readEvents(id.value()).asStream().count()).sum())
                .isEqualTo(cases.size() + 1);
    }

    @Test
    void aFailedAppendLeavesItsCrimeReferenceFreeAndADeadOneFreesItAfterTheGapTimeout() {
        CaseId id = CaseId.newId();
        engine.appendEvents(reported(id), informed(id, 1));
        assertThatThrownBy(() -> engine.appendEvents(recorded(id, 1, "CRIS-3/26"))).isInstanceOf(ConcurrencyException.class);
        CaseId other = CaseId.newId();
        engine.appendEvents(reported(other));
        // The writer dies between its claims and its commit: the reference stays taken until the gap timeout.
        afterClaim = position -> {
            throw new IllegalStateException("writer died");
        };
        assertThatThrownBy(() -> engine.appendEvents(recorded(other, 1, "CRIS-3/26"))).isInstanceOf(IllegalStateException.class);
        afterClaim = position -> {
        };
        CaseId third = CaseId.newId();
        engine.appendEvents(reported(third));
        assertThatThrownBy(() -> engine.appendEvents(recorded(third, 1, "CRIS-3/26"))).isInstanceOf(UniqueValueTakenException.class);

        clock.advance(GAP_TIMEOUT.plusSeconds(1));
        engine.appendEvents(recorded(third, 1, "CRIS-3/26"));
        assertThat(engine.readEvents(third.value()).asStream().count()).isEqualTo(2);
    }

    @Test
    void aCaseWhoseCreatorDiedBetweenClaimAndCommitCanBeCreatedAgainAfterTheGapTimeout() {
        CaseId id = CaseId.newId();
        MetaData request = MetaData.with(MongoEventStorageEngine.IDEMPOTENCY_KEY, "loader/DEMO-0002");
        afterClaim = position -> {
            throw new IllegalStateException("writer died");
        };
        assertThatThrownBy(() -> engine.appendEvents(reported(id).andMetaData(request), informed(id, 1).andMetaData(request)))
                .isInstanceOf(IllegalStateException.class);
        afterClaim = position -> {
        };
        // Within the gap timeout the dead writer may still be alive: its claims hold.
        assertThatThrownBy(() -> engine.appendEvents(reported(id))).isInstanceOf(AggregateStreamCreationException.class);

        clock.advance(GAP_TIMEOUT.plusSeconds(1));
        // As a restarted loader does: the key's earlier request recorded nothing, so it appends again. The case was
        // never loaded, so nothing else has freed its dead stream claims.
        assertThat(engine.findIdempotentOutcome("loader/DEMO-0002")).isEmpty();
        engine.appendEvents(reported(id).andMetaData(request), informed(id, 1).andMetaData(request));

        assertThat(engine.readEvents(id.value()).asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(0L, 1L);
        assertThat(engine.findIdempotentOutcome("loader/DEMO-0002")).map(IdempotentOutcome::version).contains(1L);
        assertThat(allDeliveredEventIds()).hasSize(2);
    }

    @Test
    void aLiveClaimIsNeverFreedByAConflictingAppend() {
        CaseId id = CaseId.newId();
        engine.appendEvents(reported(id), informed(id, 1));
        clock.advance(GAP_TIMEOUT.plusSeconds(1));

        assertThatThrownBy(() -> engine.appendEvents(reported(id))).isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(informed(id, 1))).isInstanceOf(ConcurrencyException.class);

        assertThat(engine.readEvents(id.value()).asStream().count()).isEqualTo(2);
        assertThat(database.getCollection("event_streams").countDocuments()).isEqualTo(2);
    }

    private List<String> allDeliveredEventIds() {
        return engine.readEvents((TrackingToken) null, false).map(TrackedEventMessage::getIdentifier)
                     .collect(Collectors.toList());
    }

    private static DomainEventMessage<?> reported(CaseId id) {
        return new GenericDomainEventMessage<>("Case", id.value(), 0,
                new CrimeReportedEvent(id, ReportChannel.ONLINE, Instant.parse("2026-03-01T20:15:00Z")));
    }

    private static DomainEventMessage<?> recorded(CaseId id, long sequence, String reference) {
        return new GenericDomainEventMessage<>("Case", id.value(), sequence, new CrimeRecordedEvent(id, reference,
                OffenceCategory.ROBBERY, Borough.HACKNEY, Set.of(), Set.of(), Instant.parse("2026-03-01T21:00:00Z")));
    }

    private static DomainEventMessage<?> informed(CaseId id, long sequence) {
        return new GenericDomainEventMessage<>("Case", id.value(), sequence,
                new VictimInformedEvent(id, null, null, null, ContactChannel.PHONE, "PC 1234",
                        Instant.parse("2026-03-02T08:00:00Z")));
    }

    private static Throwable catchCause(Future<?> future) throws InterruptedException {
        try {
            future.get(10, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the append did not finish", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
