package uk.london.victims.application.history;

import org.axonframework.messaging.MetaData;

/**
 * Events recorded by the history import carry the line they came from in their metadata. It is the
 * import's idempotency key (a line whose events are stored is not applied again) and it tells processes
 * that act on the world that these steps happened long ago: a victim is not sent a notice today about a
 * hearing that was in 2019.
 */
public final class ImportedHistory {

    /** Metadata key: {@code <caseId>/<line id>} of the import line that produced the event. */
    public static final String LINE = "importedLine";

    private ImportedHistory() {
    }

    public static boolean isImported(MetaData metaData) {
        return metaData.get(LINE) instanceof String;
    }
}
