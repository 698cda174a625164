package uk.london.victims.application.store;

/**
 * What an earlier request with the same idempotency key recorded.
 *
 * @param aggregateId    the case it changed
 * @param version        the case's version after it (the sequence number of its last event)
 * @param fingerprint    the fingerprint of that request, to tell a retry from a different request reusing the key
 */
public record IdempotentOutcome(String aggregateId, long version, String fingerprint) {
}
