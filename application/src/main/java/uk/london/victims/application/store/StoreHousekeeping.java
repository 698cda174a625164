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
 * step of each, taken by one thread between the store's commits (ADR 0045).
 */
final class StoreHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(StoreHousekeeping.class);

    private final MVStore mvStore;
    private final ShreddingFileStore fileStore;
    private final EmbeddedMongoStore.Tuning tuning;
    /** The steps' times: they compete with commits for the store's locks. */
    private final Timer rewrites;
    private final Timer moves;

    StoreHousekeeping(MVStore mvStore, ShreddingFileStore fileStore, EmbeddedMongoStore.Tuning tuning, MeterRegistry registry) {
        this.mvStore = mvStore;
        this.fileStore = fileStore;
        this.tuning = tuning;
        this.rewrites = timer(registry, "rewrite");
        this.moves = timer(registry, "move");
    }

    void run() {
        try {
            if (mvStore.isClosed()) {
                return;
            }
            boolean rewritten = rewrites.record(() -> mvStore.compact(tuning.compactBelowPercent(), tuning.compactBytesPerRun()));
            log.debug("Housekeeping: rewritten {}", rewritten);
            if (!mvStore.isClosed() && mvStore.getFillRate() < tuning.shrinkBelowPercent()) {
                moves.record(() -> fileStore.compactMoveChunks(100, tuning.compactBytesPerRun(), mvStore));
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
