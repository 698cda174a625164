package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * A housekeeping step holds MVStore's store lock while it rewrites a chunk's live pages, and every page it rewrites
 * counts as unsaved. A writer whose write finds more unsaved than a third past MVStore's commit size waits for that
 * lock. At a commit size of 1 MB every step made the read models' writers (not waited for, ADR 0054) wait for it to
 * end, which set the projections' lag (ADR 0055). Here a step is held mid-way, on a page it is reading, while another
 * writer writes.
 */
class WritersDuringHousekeepingTest {

    /** Room for what the read models write while one step runs (the longest were seen to last half a second). */
    private static final int WRITTEN_DURING_A_STEP = 2 << 20;

    @TempDir
    Path root;

    @Test
    void writersNotWaitedForGoOnWhileAHousekeepingStepHoldsTheStoreLock() throws Exception {
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

            CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> {
                int unsavedBefore = store.mvStore.getUnsavedMemory();
                int key = 0;
                while (store.mvStore.getUnsavedMemory() - unsavedBefore < WRITTEN_DURING_A_STEP) {
                    readModels.put(key++, new byte[1_000]);
                }
                return key;
            });
            try {
                assertThat(writer).as("2 MB written while the step held the lock").succeedsWithin(Duration.ofSeconds(10));
                assertThat(step).as("the step, still held").isNotDone();
            } finally {
                store.values.release.countDown();
            }
            step.get(10, TimeUnit.SECONDS);
            assertThat(bulk.get(3_999)).hasSize(1_000);
            assertThat(readModels.get(0)).hasSize(1_000);
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
