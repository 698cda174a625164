package uk.london.victims.application.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Housekeeping steps sized to the chunk they must take (ADR 0046). A bulk import's commit writes one chunk of several
 * MB; once most of it is overwritten, H2 rewrites it only in a step whose budget holds all its live bytes. With fixed
 * short steps such chunks stayed forever, and a million-event store grew to five times its live data.
 */
class HousekeepingStepsTest {

    private static final int SHARE = 64 << 10;
    private static final int BELOW_PERCENT = 50;
    /** The store's tuning with a share of 64 KB per run, so that a chunk of a few MB waits many runs. */
    private static final EmbeddedMongoStore.Tuning SHARE_PER_RUN = EmbeddedMongoStore.Tuning.forHeap(1L << 30)
            .withHousekeeping(SHARE, 125);

    @TempDir
    Path root;

    private ShreddingFileStore fileStore;
    private MVStore mvStore;

    @BeforeEach
    void open() {
        fileStore = new ShreddingFileStore(Map.of());
        fileStore.open(root.resolve("store.mv.db").toString(), false, null);
        mvStore = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().open();
        mvStore.setRetentionTime(0);
    }

    @AfterEach
    void close() {
        mvStore.close();
    }

    @Test
    void aSparseChunkLargerThanOneShareWaitsWhileTheFileIsInUseAndIsRewrittenByABankedStepOnceItIsMostlyFree() {
        MVMap<Integer, byte[]> later = committed("later", 6_000);
        MVMap<Integer, byte[]> bulk = mvStore.openMap("bulk");
        writeSparseBulkChunk(bulk);
        long needed = largestRewriteCandidate();
        assertThat(needed).as("the sparse bulk chunk's live bytes").isGreaterThan(4L * SHARE);
        assertThat(mvStore.getFillRate()).as("the file's used share").isGreaterThanOrEqualTo(SHARE_PER_RUN.shrinkBelowPercent());

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StoreHousekeeping housekeeping = new StoreHousekeeping(mvStore, fileStore, SHARE_PER_RUN, registry);
        for (int run = 0; run < 40; run++) {
            housekeeping.run();
            tick();
        }
        // (a page or two of it, shared with the small commits, may have been rewritten)
        assertThat(largestRewriteCandidate()).as("still waiting while the file is in use").isGreaterThan(needed * 9 / 10);

        mvStore.removeMap(later);
        ticks(10);
        assertThat(mvStore.getFillRate()).as("the file's used share").isLessThan(SHARE_PER_RUN.shrinkBelowPercent());
        Timer steps = registry.get("vjt.store.housekeeping").tag("step", "rewrite").timer();
        long stepsBefore = steps.count();
        int runs = 0;
        for (; runs < 100 && largestRewriteCandidate() > 4L * SHARE; runs++) {
            housekeeping.run();
            tick();
        }
        assertThat(largestRewriteCandidate()).as("the bulk chunk, rewritten within %d runs", runs).isLessThanOrEqualTo(4L * SHARE);
        assertThat(steps.count() - stepsBefore).as("runs that waited to bank one large step").isLessThan(runs);
        for (int key = 3_000; key < 4_000; key++) {
            assertThat(bulk.get(key)).as("live entry %d", key).hasSize(1_000);
        }
    }

    @Test
    void chunksAreNeverMovedEvenAboveFreedSpaceWhileTheFileIsMostlyFree() {
        // H2 2.3.232's move can put the file's last chunk across the area it reserved (ADR 0048): housekeeping only
        // rewrites, and a full chunk above freed space stays where it is.
        MVMap<Integer, byte[]> first = committed("first", 3_000);
        MVMap<Integer, byte[]> second = committed("second", 1_500);
        mvStore.removeMap(first);
        ticks(10);
        assertThat(mvStore.getFillRate()).as("the file's used share").isLessThan(SHARE_PER_RUN.shrinkBelowPercent());
        Map<Integer, Long> before = fileStore.chunkPositions();

        StoreHousekeeping housekeeping = new StoreHousekeeping(mvStore, fileStore, SHARE_PER_RUN, new SimpleMeterRegistry());
        for (int run = 0; run < 50; run++) {
            housekeeping.run();
            tick();
        }

        Map<Integer, Long> after = fileStore.chunkPositions();
        before.forEach((chunk, block) -> {
            if (after.containsKey(chunk)) {
                assertThat(after.get(chunk)).as("chunk %d's place", chunk).isEqualTo(block);
            }
        });
        assertThat(mvStore.isClosed()).isFalse();
        assertThat(second.get(1_499)).hasSize(1_000);
    }

    @Test
    void whileTheFileIsMostlyFreeASparseChunkLargerThanAStepIsRewrittenPastHalfFillAndTheFileShrinks() {
        MVMap<Integer, byte[]> dense = committed("dense", 4_000);
        MVMap<Integer, byte[]> freed = committed("freed", 6_000);
        // Larger than the largest step: it leaves the end of the file only by being rewritten.
        MVMap<Integer, byte[]> sparse = committed("sparse", 3_000);
        mvStore.removeMap(freed);
        for (int key = 0; key < 2_400; key++) {
            sparse.remove(key);
        }
        mvStore.commit();
        ticks(10);
        assertThat(mvStore.getFillRate()).as("the file's used share").isLessThan(SHARE_PER_RUN.shrinkBelowPercent());
        assertThat(fileStore.getChunksFillRate()).as("chunks' average fill").isGreaterThanOrEqualTo(BELOW_PERCENT);
        long fileBefore = fileStore.size();

        // H2's own rule: nothing is rewritten once chunks are half full on average.
        assertThat(mvStore.compact(BELOW_PERCENT, (int) StoreHousekeeping.LARGEST_STEP)).isFalse();

        StoreHousekeeping housekeeping = new StoreHousekeeping(mvStore, fileStore, SHARE_PER_RUN, new SimpleMeterRegistry());
        for (int run = 0; run < 400 && fileStore.size() > fileBefore - 2_000_000L; run++) {
            housekeeping.run();
            tick();
        }
        assertThat(fileStore.size()).as("the file, once the sparse chunk at its end was rewritten")
                .isLessThan(fileBefore - 2_000_000L);
        assertThat(sparse.get(2_999)).hasSize(1_000);
        assertThat(dense.get(0)).hasSize(1_000);
    }

    @Test
    void aStepBanksOneSharePerRunUpToTheLargestStepAndIdleRunsBankNothing() {
        StepBudget budget = new StepBudget(100, 1_000);
        assertThat(budget.next(40)).as("a small chunk takes one share").isEqualTo(100);
        assertThat(budget.next(40)).isEqualTo(100);

        assertThat(budget.next(300)).isZero();
        assertThat(budget.next(300)).isZero();
        assertThat(budget.next(300)).as("the third run has banked the step").isEqualTo(300);

        assertThat(budget.next(0)).as("nothing waits").isZero();
        assertThat(budget.next(200)).as("idle runs banked nothing").isZero();
        assertThat(budget.next(200)).isEqualTo(200);

        long granted = 0;
        for (int run = 0; run < 30; run++) {
            granted += budget.next(5_000);
        }
        assertThat(granted).as("a chunk over the largest step gets the largest step, at the same rate").isEqualTo(3_000);
    }

    /** One commit of 4 MB, then its first three quarters overwritten elsewhere: a chunk about a quarter live. */
    private void writeSparseBulkChunk(MVMap<Integer, byte[]> bulk) {
        fill(bulk, 4_000);
        mvStore.commit();
        for (int key = 0; key < 3_000; key++) {
            bulk.remove(key);
        }
        mvStore.commit();
        ticks(10);
    }

    private long largestRewriteCandidate() {
        return fileStore.largestRewriteCandidate(BELOW_PERCENT, mvStore.getCurrentVersion());
    }

    private static void fill(MVMap<Integer, byte[]> map, int entries) {
        Random random = new Random(entries);
        for (int key = 0; key < entries; key++) {
            byte[] value = new byte[1_000];
            random.nextBytes(value);
            map.put(key, value);
        }
    }

    /** A map of {@code entries} values of 1,000 random bytes, committed: one chunk of about that size. */
    private MVMap<Integer, byte[]> committed(String name, int entries) {
        MVMap<Integer, byte[]> map = mvStore.openMap(name);
        fill(map, entries);
        mvStore.commit();
        return map;
    }

    private void ticks(int count) {
        for (int run = 0; run < count; run++) {
            tick();
        }
    }

    /** A small commit, as the service makes all the time: it writes what a step rewrote and frees what it replaced. */
    private void tick() {
        MVMap<Integer, Integer> ticks = mvStore.openMap("ticks");
        ticks.put(ticks.size(), 0);
        mvStore.commit();
    }
}
