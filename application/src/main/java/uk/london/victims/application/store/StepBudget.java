package uk.london.victims.application.store;

/**
 * How many bytes one housekeeping step may rewrite or move (ADR 0046).
 *
 * <p>H2 leaves out of a step any chunk larger than the step's budget. With a fixed short step, the chunks of several
 * MB that a bulk import's commits write were never compacted. So a step is sized to the largest chunk waiting, up to
 * a cap. A step larger than one run's share waits until the runs skipped meanwhile have banked it. Over time no more
 * than the configured share per run is compacted; only the steps over large chunks are long, and they come only
 * while such chunks wait.
 *
 * <p>Used by the one housekeeping thread only.
 */
final class StepBudget {

    private final long perRun;
    private final long largest;
    private long banked;

    /**
     * @param perRun  each run's share
     * @param largest the longest step allowed: a chunk needing more is left to H2's own choice within this
     */
    StepBudget(long perRun, long largest) {
        if (perRun <= 0) {
            throw new IllegalArgumentException("A housekeeping step needs a positive budget, not " + perRun);
        }
        this.perRun = perRun;
        this.largest = Math.max(perRun, largest);
    }

    /**
     * @param needed the bytes the largest chunk waiting needs of a step, or 0 when there is nothing to compact
     * @return the bytes this run's step may take, or 0 to skip this run
     */
    long next(long needed) {
        if (needed <= 0) {
            // Nothing waits: idle runs must not bank a burst for later.
            banked = 0;
            return 0;
        }
        long step = Math.min(Math.max(needed, perRun), largest);
        banked = Math.min(banked + perRun, largest);
        if (banked < step) {
            return 0;
        }
        banked -= step;
        return step;
    }
}
