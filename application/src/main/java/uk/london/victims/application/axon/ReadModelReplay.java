package uk.london.victims.application.axon;

import static com.mongodb.client.model.Filters.eq;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Rebuilds the read models from the first event, and tells whether a rebuild is under way (ADR 0024).
 *
 * <p>Every streaming processor that supports a reset is replayed: all read models, the obligation ledger
 * and any added later, with no list to keep. Processors whose handlers act on the world (victim notices,
 * repeat-victimisation findings) are {@code @DisallowReplay} and are left alone. A replay is "under way"
 * while any stored token is a replay token, which every instance sharing the store sees, so actors that
 * must not act on a half-built read model (the notification dispatcher) can wait for it.
 */
@Component
public class ReadModelReplay {

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final MongoCollection<Document> tokens;
    /** Replays being set up here (processors stopped, replay tokens not yet stored), and holds. */
    private final AtomicInteger starting = new AtomicInteger();

    public ReadModelReplay(ObjectProvider<EventProcessingConfiguration> processing, MongoDatabase database) {
        this.processing = processing;
        this.tokens = database.getCollection(AxonConfiguration.TRACKING_TOKENS);
    }

    /**
     * Resets every replayable processor to the first event and starts it again; returns at once, the
     * processors rebuild in the background ({@link #inProgress()} says when they are done).
     *
     * @return the processors being replayed
     */
    public List<StreamingEventProcessor> replayAll() {
        starting.incrementAndGet();
        try {
            List<StreamingEventProcessor> replayed = replayable();
            for (StreamingEventProcessor processor : replayed) {
                processor.shutDown();
                processor.resetTokens();
                processor.start();
            }
            return replayed;
        } finally {
            starting.decrementAndGet();
        }
    }

    /** The processors a replay rebuilds. */
    public List<StreamingEventProcessor> replayable() {
        return processing.getObject().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::supportsReset)
                .toList();
    }

    /**
     * Holds back, on this instance, everything that waits for replays (as if one were under way) until the
     * returned hold is closed: for comparing read models before and after a replay with no event appended
     * in between.
     */
    public AutoCloseable hold() {
        starting.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                starting.decrementAndGet();
            }
        };
    }

    /** Whether a replay is being set up here or any processor, on any instance, is still replaying. */
    public boolean inProgress() {
        return starting.get() > 0 || tokens.find(eq("tokenType", ReplayToken.class.getName())).limit(1).first() != null;
    }
}
