package uk.london.victims.projections.support;

import java.util.function.Consumer;
import java.util.function.Function;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The streaming processor's batch an event is being handled in: where projections keep what they write once per
 * batch (as resources of its unit of work), and how they know the batch's last event has come.
 */
public final class ProcessorBatch {

    private ProcessorBatch() {
    }

    /** The batch of the event being handled, or null outside one (a subscribing processor, a test calling a handler). */
    private static BatchingUnitOfWork<?> current() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch
                ? batch : null;
    }

    /** Hands the batch's resource under that key to {@code flush} if the event being handled is the batch's last. */
    public static <T> void atLastEvent(String key, Consumer<T> flush) {
        BatchingUnitOfWork<?> batch = current();
        T resource = batch != null && batch.isLastMessage() ? batch.getResource(key) : null;
        if (resource != null) {
            flush.accept(resource);
        }
    }

    /**
     * The batch's resource under that key, made on first use and handed to {@code flush} when the batch commits (if
     * its last event's handler has not flushed it already); null outside a batch.
     */
    public static <T> T resource(String key, Function<BatchingUnitOfWork<?>, T> make, Consumer<T> flush) {
        BatchingUnitOfWork<?> batch = current();
        if (batch == null) {
            return null;
        }
        return batch.getOrComputeResource(key, k -> {
            T resource = make.apply(batch);
            batch.onPrepareCommit(unit -> flush.accept(resource));
            return resource;
        });
    }
}
