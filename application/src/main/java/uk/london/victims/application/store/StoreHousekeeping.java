package uk.london.victims.application.store;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What MVStore's background writer would do, which is off here (ADR 0024): rewrite the live pages of sparsely used
 * chunks into new ones (their old chunks become free once the retention time has passed), then move chunks from the
 * end of the file into free space below and truncate it, so the file follows the live data. One run is one short
 * step of each, taken by one thread between the store's commits (ADR 0045); while the file is mostly free space,
 * each step is sized to the chunk it must take (ADR 0046).
 */
final class StoreHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(StoreHousekeeping.class);

    /**
     * The longest housekeeping step, in bytes, however large the chunk waiting. A step of 8 MB held commits for up to
     * 0.7 s; the sparse chunks a million-event import left held about 1–1.5 MB of live pages each (ADR 0046).
     */
    static final long LARGEST_STEP = 2L << 20;

    private final MVStore mvStore;
    private final ShreddingFileStore fileStore;
    private final EmbeddedMongoStore.Tuning tuning;
    private final StepBudget rewriteBudget;
    private final StepBudget moveBudget;
    /** The steps' times: they compete with commits for the store's locks. */
    private final Timer rewrites;
    private final Timer moves;

    StoreHousekeeping(MVStore mvStore, ShreddingFileStore fileStore, EmbeddedMongoStore.Tuning tuning, MeterRegistry registry) {
        this.mvStore = mvStore;
        this.fileStore = fileStore;
        this.tuning = tuning;
        this.rewriteBudget = new StepBudget(tuning.compactBytesPerRun(), LARGEST_STEP);
        this.moveBudget = new StepBudget(tuning.compactBytesPerRun(), LARGEST_STEP);
        this.rewrites = timer(registry, "rewrite");
        this.moves = timer(registry, "move");
    }

    void run() {
        try {
            if (mvStore.isClosed()) {
                return;
            }
            if (mvStore.getFillRate() >= tuning.shrinkBelowPercent()) {
                // The file is mostly in use: one share, H2's own rule (sparse chunks while the average is below
                // half), nothing moved. Larger steps here held up commits and the projections' lag (ADR 0046).
                boolean rewritten = rewrites.record(() -> mvStore.compact(tuning.compactBelowPercent(), tuning.compactBytesPerRun()));
                log.debug("Housekeeping: rewritten {}", rewritten);
                return;
            }
            // The file is mostly free space, as after a bulk load was rewritten. H2 rewrites only while the chunks'
            // average fill is below the rate it is given, and a step leaves out any chunk larger than its budget:
            // the remaining sparse chunks sat at the end of the file, too large to move and never rewritten. Here
            // rewriting goes on, the sparsest and oldest chunks first, and each step is sized to the chunk waiting.
            long rewrite = rewriteBudget.next(fileStore.largestRewriteCandidate(100, mvStore.getCurrentVersion()));
            if (rewrite > 0) {
                boolean rewritten = rewrites.record(() -> mvStore.compact(100, (int) rewrite));
                log.debug("Housekeeping: rewritten {} within {} bytes", rewritten, rewrite);
            }
            long move = moveBudget.next(fileStore.largestChunkAboveFreeSpace());
            if (move > 0 && !mvStore.isClosed()) {
                moves.record(() -> fileStore.compactMoveChunks(100, move, mvStore));
            }
        } catch (RuntimeException e) {
            log.warn("Embedded store housekeeping failed; will retry", e);
        }
    }

    private static Timer timer(MeterRegistry registry, String step) {
        return Timer.builder("vjt.store.housekeeping")
                .description("Embedded store: a housekeeping run's step (rewrite sparse chunks, or move chunks down and shrink the file)")
                .tag("step", step).register(registry);
    }
}
