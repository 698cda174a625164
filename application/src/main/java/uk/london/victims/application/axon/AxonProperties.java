package uk.london.victims.application.axon;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param snapshotThreshold  events loaded for an aggregate before a snapshot is taken
 * @param cachedCases        case aggregates kept in memory
 * @param tokenClaimTimeout  how long a processor segment stays claimed by an instance that stopped renewing it
 * @param processorBatchSize events handled per transaction (and token write) by a streaming processor
 * @param processorSegments  segments a new streaming processor starts with, so that instances can share work
 * @param tokenClaimInterval how often a processor looks for unclaimed segments (a dead instance's, or released)
 * @param balanceEvery       how often an instance says it is alive and gives up segments beyond its fair share
 * @param eventPollInterval  how often the event store looks for events it was not told of (written by another
 *                           instance, or missed): the worst projection lag for those
 */
@ConfigurationProperties("vjt.axon")
public record AxonProperties(@DefaultValue("50") int snapshotThreshold,
                             @DefaultValue("10000") int cachedCases,
                             @DefaultValue("10s") Duration tokenClaimTimeout,
                             @DefaultValue("100") int processorBatchSize,
                             @DefaultValue("4") int processorSegments,
                             @DefaultValue("5s") Duration tokenClaimInterval,
                             @DefaultValue("2s") Duration balanceEvery,
                             @DefaultValue("100ms") Duration eventPollInterval) {

    /** How recently an instance must have said it is alive to count when segments are shared out. */
    public Duration instanceLiveness() {
        return SegmentBalancer.liveness(tokenClaimTimeout, balanceEvery);
    }
}
