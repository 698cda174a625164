package uk.london.victims.application.store;

/**
 * An append carried an idempotency key that an earlier append already used: the request was a retry,
 * and nothing was written. The caller answers with the earlier outcome.
 */
public class RepeatedRequestException extends RuntimeException {

    private final String idempotencyKey;

    public RepeatedRequestException(String idempotencyKey) {
        super("A request with this idempotency key was already recorded", null, false, false);
        this.idempotencyKey = idempotencyKey;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
