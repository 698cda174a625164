package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Housekeeping steps beside writers and commits (ADR 0056). H2's {@code compact} holds MVStore's store lock for a whole
 * step, and every page it rewrites counts as unsaved: a writer that then found more than a third past the commit size
 * unsaved waited for the lock, so every step held up the read models' writers, and their lag (ADR 0055). A step now
 * rewrites without that lock. Here one is held mid-way while another thread writes and commits; and steps run
 * continuously beside writers and commits on a store reopened afterwards, which must hold exactly what was written.
 */
class WritersDuringHousekeepingTest {

    /** Room for what the read models write while one step runs (the longest were seen to last half a second). */
    private static final int WRITTEN_DURING_A_STEP = 2 << 20;
    private static final int WRITERS = 3;
    private static final int KEYS_PER_WRITER = 4_000;
    private static final int WRITES_PER_WRITER = 20_000;

    @TempDir
    Path root;

    @Test
    void writersAndCommitsGoOnWhileAHousekeepingStepIsHeldMidRewrite() throws Exception {
        Path file = root.resolve("store.mv.db");
        // A chunk of which three quarters is overwritten elsewhere: the next step rewrites the rest.
        try (Store store = new Store(file)) {
            MVMap<Integer, byte[]> bulk = store.mvStore.openMap("bulk", new MVMap.Builder<Integer, byte[]>().valueType(store.values));
            fill(bulk, 0, 4_000);
            store.mvStore.commit();
            for (int key = 0; key < 3_000; key++) {
                bulk.remove(key);
            }
            store.mvStore.commit();
            // Small commits after it, as the service makes all the time: only a chunk some versions old is rewritten.
            MVMap<Integer, Integer> ticks = store.mvStore.openMap("ticks");
            for (int tick = 0; tick < 10; tick++) {
                ticks.put(tick, tick);
                store.mvStore.commit();
            }
        }

        // Opened again, the page cache is empty: the step reads each page it rewrites, and is held half way through
        // the thousand values left.
        try (Store store = new Store(file)) {
            MVMap<Integer, byte[]> bulk = store.mvStore.openMap("bulk", new MVMap.Builder<Integer, byte[]>().valueType(store.values));
            MVMap<Integer, byte[]> readModels = store.mvStore.openMap("read-models");
            assertThat(store.fileStore.largestRewriteCandidate(100, store.mvStore.getCurrentVersion()))
                    .as("live bytes in the sparse chunk").isPositive();
            StoreHousekeeping housekeeping = new StoreHousekeeping(store.mvStore, store.fileStore,
                    EmbeddedMongoStore.Tuning.forHeap(1L << 30), new SimpleMeterRegistry());
            store.values.holdAtRead(500);
            CompletableFuture<Void> step = CompletableFuture.runAsync(housekeeping::run);
            assertThat(store.values.held.await(10, TimeUnit.SECONDS)).as("the step reached its 500th value").isTrue();

            long versionBefore = store.mvStore.getCurrentVersion();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int key = 0; key < WRITTEN_DURING_A_STEP / 1_000; key++) {
                    readModels.put(key, new byte[1_000]);
                }
            });
            try {
                assertThat(writer).as("2 MB written while the step was held").succeedsWithin(Duration.ofSeconds(10));
                assertThat(store.mvStore.getCurrentVersion()).as("the writer's own commits, past the commit size")
                        .isGreaterThan(versionBefore);
                long version = store.mvStore.getCurrentVersion();
                assertThat(CompletableFuture.supplyAsync(store.mvStore::commit)).as("a commit while the step was held")
                        .succeedsWithin(Duration.ofSeconds(10));
                assertThat(store.mvStore.getCurrentVersion()).isGreaterThan(version);
                assertThat(step).as("the step, still held").isNotDone();
            } finally {
                store.values.release.countDown();
            }
            step.get(10, TimeUnit.SECONDS);
            assertThat(bulk.get(3_999)).hasSize(1_000);
            assertThat(readModels.get(0)).hasSize(1_000);
        }
    }

    @Test
    void stepsRunBesideWritersAndCommitsAndTheReopenedStoreHoldsExactlyWhatWasWritten() throws Exception {
        Path file = root.resolve("busy.mv.db");
        Map<Integer, byte[]> expected = new ConcurrentHashMap<>();
        AtomicInteger rewritingSteps = new AtomicInteger();
        try (Store store = new Store(file)) {
            MVMap<Integer, byte[]> documents = store.mvStore.openMap("documents");
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
            try {
                // As the store's committer and housekeeping thread do, with no pause between steps.
                Future<?> committer = threads.submit(() -> {
                    while (writing.get()) {
                        store.mvStore.commit();
                        pause();
                    }
                });
                Future<?> housekeeping = threads.submit(() -> {
                    while (writing.get()) {
                        if (store.fileStore.rewriteSparseChunks(100, 256 << 10)) {
                            rewritingSteps.incrementAndGet();
                        }
                    }
                });
                List<Future<?>> writers = new ArrayList<>();
                for (int writer = 0; writer < WRITERS; writer++) {
                    int own = writer;
                    writers.add(threads.submit(() -> overwrite(store.mvStore, documents, own, expected)));
                }
                for (Future<?> writer : writers) {
                    writer.get(60, TimeUnit.SECONDS);
                }
                writing.set(false);
                committer.get(10, TimeUnit.SECONDS);
                housekeeping.get(10, TimeUnit.SECONDS);
            } finally {
                writing.set(false);
                threads.shutdownNow();
            }
        }
        assertThat(rewritingSteps.get()).as("steps that rewrote a chunk while writers wrote").isPositive();

        try (Store store = new Store(file)) {
            MVMap<Integer, byte[]> documents = store.mvStore.openMap("documents");
            assertThat(documents.size()).isEqualTo(expected.size());
            expected.forEach((key, value) -> assertThat(documents.get(key)).as("document %d", key).isEqualTo(value));
        }
    }

    /**
     * Random writes and removals of one writer's own keys, each recorded in {@code expected} once made. Each write pins
     * the version it reads, as the store's backend does for every command: with no retention time, nothing else keeps
     * a freed chunk from being reused under a reader.
     */
    private static void overwrite(MVStore mvStore, MVMap<Integer, byte[]> documents, int writer, Map<Integer, byte[]> expected) {
        Random random = new Random(writer);
        for (int write = 0; write < WRITES_PER_WRITER; write++) {
            int key = random.nextInt(KEYS_PER_WRITER) * WRITERS + writer;
            MVStore.TxCounter version = mvStore.registerVersionUsage();
            try {
                if (random.nextInt(5) == 0) {
                    documents.remove(key);
                    expected.remove(key);
                } else {
                    byte[] value = new byte[100 + random.nextInt(1_400)];
                    random.nextBytes(value);
                    documents.put(key, value);
                    expected.put(key, value);
                }
            } finally {
                mvStore.deregisterVersionUsage(version);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fill(MVMap<Integer, byte[]> map, int from, int to) {
        Random random = new Random(to);
        for (int key = from; key < to; key++) {
            byte[] value = new byte[1_000];
            random.nextBytes(value);
            map.put(key, value);
        }
    }

    /** The embedded store's MVStore settings over a file, without the server. */
    private static final class Store implements AutoCloseable {
        final HeldValues values = new HeldValues();
        final ShreddingFileStore fileStore = new ShreddingFileStore(Map.of());
        final MVStore mvStore;

        Store(Path file) {
            fileStore.open(file.toString(), false, null);
            mvStore = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled()
                    .autoCommitBufferSize(EmbeddedMongoStore.UNSAVED_KB_BEFORE_COMMIT).open();
            mvStore.setRetentionTime(0);
        }

        @Override
        public void close() {
            mvStore.close();
        }
    }

    /** Byte-array values whose reading can be held at the nth read from the file, once armed. */
    private static final class HeldValues extends BasicDataType<byte[]> {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final AtomicInteger readsUntilHeld = new AtomicInteger(Integer.MAX_VALUE);

        void holdAtRead(int nth) {
            readsUntilHeld.set(nth);
        }

        @Override
        public int getMemory(byte[] value) {
            return value.length + 24;
        }

        @Override
        public void write(WriteBuffer buffer, byte[] value) {
            buffer.putVarInt(value.length).put(value);
        }

        @Override
        public byte[] read(ByteBuffer buffer) {
            if (readsUntilHeld.decrementAndGet() == 0) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] value = new byte[DataUtils.readVarInt(buffer)];
            buffer.get(value);
            return value;
        }

        @Override
        public byte[][] createStorage(int size) {
            return new byte[size][];
        }
    }
}
