package uk.london.victims.application.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Lets concurrent callers share one store round trip (ADR 0031). A caller that arrives while no batch is
 * being written writes its own request at once, alone; callers that arrive while a batch is being written
 * wait, and the first of them to wake writes all of them together. A lone caller so pays nothing, and under
 * load the number of round trips (each a turn at the store's single writer and a wait for its durable
 * commit) falls by the number of callers waiting.
 *
 * <p>Each caller gets its own outcome: the batch function answers one result per request, in order, so a
 * failure of one request is reported to that caller only. An exception thrown by the batch function itself
 * is an outcome nobody can split, and is rethrown to every caller of the batch.
 *
 * @param <I> a request
 * @param <O> its result
 */
final class WriteCombiner<I, O> {

    private final Function<List<I>, List<O>> writeBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    /** Requests waiting for the next batch; guarded by {@link #lock}. */
    private List<Pending<I, O>> queue = new ArrayList<>();
    private boolean writing;

    WriteCombiner(Function<List<I>, List<O>> writeBatch) {
        this.writeBatch = writeBatch;
    }

    private static final class Pending<I, O> {
        final I request;
        boolean done;
        O result;
        RuntimeException failure;

        Pending(I request) {
            this.request = request;
        }
    }

    O write(I request) {
        Pending<I, O> mine = new Pending<>(request);
        lock.lock();
        try {
            queue.add(mine);
            while (!mine.done) {
                if (writing) {
                    written.awaitUninterruptibly();
                    continue;
                }
                writing = true;
                List<Pending<I, O>> batch = queue;
                queue = new ArrayList<>();
                lock.unlock();
                try {
                    writeAll(batch);
                } finally {
                    lock.lock();
                    writing = false;
                    written.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    private void writeAll(List<Pending<I, O>> batch) {
        List<O> results = null;
        RuntimeException failure = null;
        try {
            results = writeBatch.apply(batch.stream().map(p -> p.request).toList());
            if (results.size() != batch.size()) {
                failure = new IllegalStateException("A batch of " + batch.size() + " writes answered " + results.size());
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("The batch write failed", e);
            throw e;
        } finally {
            // Set under the lock by the caller's finally: here only this thread touches the batch's entries,
            // and the lock taken before signalling publishes them to the waiters.
            for (int i = 0; i < batch.size(); i++) {
                Pending<I, O> pending = batch.get(i);
                if (failure != null || results == null) {
                    pending.failure = failure != null ? failure : new IllegalStateException("The batch write failed");
                } else {
                    pending.result = results.get(i);
                }
                pending.done = true;
            }
        }
    }

    /** Requests waiting for the next batch: lets a test see callers queue up behind a batch in progress. */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }
}
