package uk.london.victims.web;

/** Axon settings that are read from system properties rather than from Spring's configuration. */
public final class AxonDefaults {

    private AxonDefaults() {
    }

    public static void apply() {
        // Axon 4.12+ otherwise calls home at start-up; there is no network beyond the registries here,
        // and a victims' service should not report its use to a vendor anyway.
        if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        // Axon prints a boxed advert for AxonIQ Console at every start: nine lines of noise in the start-up log.
        System.setProperty("disable-axoniq-console-message", "true");
    }
}
