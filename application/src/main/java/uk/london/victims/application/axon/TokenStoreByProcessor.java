package uk.london.victims.application.axon;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

/**
 * Two token stores over the same tokens, one per kind of processor (ADR 0054). A processor that can be rebuilt
 * from the events (a read model) keeps its token with its documents' write concern: if a crash loses the token,
 * it loses the documents it vouches for too, and the processor does that work again. A processor that acts on the
 * world (a victim's notice, a repeat-victimisation finding) must never do so twice, so its token stays durable.
 *
 * <p>Which kind a processor is, is asked once per name; until the processors exist the answer is "durable".
 */
final class TokenStoreByProcessor implements TokenStore {

    private final TokenStore durable;
    private final TokenStore rebuildable;
    /** Whether a processor can be rebuilt from the events; empty while no processor of that name is known. */
    private final Function<String, Optional<Boolean>> canBeRebuilt;
    private final Map<String, TokenStore> chosen = new ConcurrentHashMap<>();

    TokenStoreByProcessor(TokenStore durable, TokenStore rebuildable, Function<String, Optional<Boolean>> canBeRebuilt) {
        this.durable = durable;
        this.rebuildable = rebuildable;
        this.canBeRebuilt = canBeRebuilt;
    }

    /** The store a processor's tokens go to. */
    TokenStore storeFor(String processorName) {
        TokenStore store = chosen.get(processorName);
        if (store != null) {
            return store;
        }
        Optional<Boolean> rebuilt = canBeRebuilt.apply(processorName);
        if (rebuilt.isEmpty()) {
            return durable;
        }
        return chosen.computeIfAbsent(processorName, name -> rebuilt.get() ? rebuildable : durable);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        storeFor(processorName).initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        storeFor(processorName).initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        storeFor(processorName).storeToken(token, processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return storeFor(processorName).fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return storeFor(processorName).fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        storeFor(processorName).extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        storeFor(processorName).releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        storeFor(processorName).initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        storeFor(processorName).deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return durable.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return storeFor(processorName).fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return storeFor(processorName).fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return durable.retrieveStorageIdentifier();
    }
}
