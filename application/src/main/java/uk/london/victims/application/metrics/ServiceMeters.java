package uk.london.victims.application.metrics;

import io.micrometer.core.instrument.Metrics;

/**
 * The service's own counters for operations (Prometheus at {@code /actuator/prometheus}, ADR 0030), named in
 * one place. They go to Micrometer's global registry, which Spring Boot joins to its own: a counting site
 * stays one line, and the classes that count need no new constructor argument.
 */
public final class ServiceMeters {

    private ServiceMeters() {
    }

    /** A command the aggregate accepted, or refused by one of its rules (an exception from its handler). */
    public static void command(String command, boolean accepted) {
        Metrics.counter("vjt.commands", "command", command, "outcome", accepted ? "accepted" : "rejected").increment();
    }

    /** A notice handed to its channel (GOV.UK Notify, or the local outbox without a key). */
    public static void notificationDelivered(String channel) {
        Metrics.counter("vjt.notifications.delivered", "channel", channel).increment();
    }

    /** A failed attempt to deliver a notice; {@code final} when no more attempts will be made. */
    public static void notificationFailed(String channel, boolean finalFailure) {
        Metrics.counter("vjt.notifications.failures", "channel", channel, "final", String.valueOf(finalFailure)).increment();
    }

    /** A refused portal sign-in: wrong, expired or used code, unknown reference, locked out. */
    public static void signInFailed() {
        Metrics.counter("vjt.portal.sign-in.failures").increment();
    }

    /** A client locked out of a crime reference after repeated wrong codes. */
    public static void signInLocked() {
        Metrics.counter("vjt.portal.sign-in.locks").increment();
    }
}
