package uk.london.victims.web.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;

import uk.london.victims.application.store.UniqueValueTakenException;
import uk.london.victims.domain.cases.CaseRuleViolationException;

/** Which failures reject a line (and the import goes on) and which stop the import to be resumed later. */
class HistoryImportFailuresTest {

    private static final MongoSocketReadException LOST = new MongoSocketReadException("connection lost", new ServerAddress());

    @Test
    void aStoreThatFailsStopsTheImportInsteadOfRejectingEveryLine() {
        assertThat(HistoryImport.storeFailed(new EventStoreException("The append failed with an unknown outcome", LOST))).isTrue();
        assertThat(HistoryImport.storeFailed(new IllegalStateException(LOST))).isTrue();
    }

    @Test
    void whatALineCausedRejectsThatLineWithItsReason() {
        CaseRuleViolationException rule = new CaseRuleViolationException("not-convicted", "There is no conviction to sentence");
        assertThat(HistoryImport.storeFailed(rule)).isFalse();
        assertThat(HistoryImport.reason(rule)).isEqualTo("not-convicted: There is no conviction to sentence");
        assertThat(HistoryImport.storeFailed(new ConcurrencyException("changed meanwhile", LOST))).isFalse();
        assertThat(HistoryImport.storeFailed(new AggregateStreamCreationException("exists", LOST))).isFalse();
        UniqueValueTakenException taken = new UniqueValueTakenException("CRIS-1");
        assertThat(HistoryImport.storeFailed(taken)).isFalse();
        assertThat(HistoryImport.reason(new EventStoreException("wrapped", taken))).startsWith("crime-reference-taken:");
    }
}
