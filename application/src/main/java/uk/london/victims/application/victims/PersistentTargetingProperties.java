package uk.london.victims.application.victims;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the service itself records a victim as persistently targeted (ADR 0017).
 *
 * @param otherCases the fewest other cases the same person must be a victim in
 * @param within     how close in time (when they were added as a victim) those cases must be
 */
@ConfigurationProperties("vjt.code.persistently-targeted")
public record PersistentTargetingProperties(@DefaultValue("2") int otherCases, @DefaultValue("365d") Duration within) {

    public PersistentTargetingProperties {
        if (otherCases < 1) {
            throw new IllegalArgumentException("vjt.code.persistently-targeted.other-cases must be at least 1");
        }
        if (within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("vjt.code.persistently-targeted.within must be a positive duration");
        }
    }
}
