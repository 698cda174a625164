package uk.london.victims.projections.support;

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
    public static BatchingUnitOfWork<?> current() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch
                ? batch : null;
    }

    /** The batch's resource under that key if the event being handled is the batch's last, else null. */
    public static <T> T atLastEvent(String key) {
        BatchingUnitOfWork<?> batch = current();
        return batch != null && batch.isLastMessage() ? batch.getResource(key) : null;
    }
}
