package uk.london.victims.application.store;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What MVStore's background writer would do, which is off here (ADR 0024): rewrite the live pages of sparsely used
 * chunks into new ones. Their old chunks become free once the retention time has passed, new chunks are written into
 * the first free space, and H2 truncates the file when its end is free, so the file follows the live data. One run is
 * one short step, taken by one thread (ADR 0045) beside the store's writers and commits, not holding MVStore's store
 * lock, so no writer waits for it (ADR 0056); while the file is mostly free space, each step is sized to the chunk it
 * must take (ADR 0046).
 *
 * <p>Chunks are never moved ({@code compactMoveChunks}): in H2 2.3.232 a move can put the file's last chunk across
 * the area it reserved for chunks whose new places are not yet recorded, so a crash then could lose them. With Java
 * assertions on, H2 asserts it and closes the store (ADR 0048).
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
    /** The steps' times. */
    private final Timer rewrites;

    StoreHousekeeping(MVStore mvStore, ShreddingFileStore fileStore, EmbeddedMongoStore.Tuning tuning, MeterRegistry registry) {
        this.mvStore = mvStore;
        this.fileStore = fileStore;
        this.tuning = tuning;
        this.rewriteBudget = new StepBudget(tuning.compactBytesPerRun(), LARGEST_STEP);
        this.rewrites = timer(registry, "rewrite");
    }

    /** Synchronized: a step does not hold the store's lock (ADR 0056), and two at once would rewrite the same chunks. */
    synchronized void run() {
        try {
            if (mvStore.isClosed()) {
                return;
            }
            if (mvStore.getFillRate() >= tuning.shrinkBelowPercent()) {
                // The file is mostly in use: one share, H2's own rule (sparse chunks while the average is below
                // half). Larger steps here held up commits and the projections' lag (ADR 0046).
                boolean rewritten = rewrites.record(() -> fileStore.rewriteSparseChunks(tuning.compactBelowPercent(), tuning.compactBytesPerRun()));
                log.debug("Housekeeping: rewritten {}", rewritten);
                return;
            }
            // The file is mostly free space, as after a bulk load was rewritten. H2 rewrites only while the chunks'
            // average fill is below the rate it is given, and a step leaves out any chunk larger than its budget:
            // the remaining sparse chunks sat at the end of the file, too large for a step and never rewritten. Here
            // rewriting goes on, the sparsest and oldest chunks first, and each step is sized to the chunk waiting.
            long rewrite = rewriteBudget.next(fileStore.largestRewriteCandidate(100, mvStore.getCurrentVersion()));
            if (rewrite > 0) {
                boolean rewritten = rewrites.record(() -> fileStore.rewriteSparseChunks(100, (int) rewrite));
                log.debug("Housekeeping: rewritten {} within {} bytes", rewritten, rewrite);
            }
        } catch (RuntimeException e) {
            log.warn("Embedded store housekeeping failed; will retry", e);
        }
    }

    private static Timer timer(MeterRegistry registry, String step) {
        return Timer.builder("vjt.store.housekeeping")
                .description("Embedded store: a housekeeping run's step (rewrite sparse chunks' live pages)")
                .tag("step", step).register(registry);
    }
}
