package uk.london.victims.application.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.ReplayToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import uk.london.victims.application.axon.ReadModelReplay;
import uk.london.victims.application.store.EmbeddedMongoStore;
import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.domain.people.Sealed;

/** While read models are rebuilt the dispatcher sends nothing and records nothing; afterwards the notice goes (ADR 0024). */
class NotificationDispatcherDuringReplayTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    @TempDir
    Path directory;
    private EmbeddedMongoStore store;
    private MongoClient client;
    private MongoDatabase database;
    private final List<OutboxMessage> sent = new ArrayList<>();
    private final CommandGateway commands = mock(CommandGateway.class);
    private NotificationDispatcher dispatcher;
    private Outbox outbox;

    @BeforeEach
    void start() {
        store = EmbeddedMongoStore.start(directory, "127.0.0.1", 0);
        client = MongoClients.create(store.connectionString());
        database = client.getDatabase("victims");
        outbox = new Outbox(database);
        PersonalDataVault vault = mock(PersonalDataVault.class);
        when(vault.open(any())).thenReturn(Optional.of("{\"phone\":\"07700900123\"}"));
        MessageSender sender = (message, address) -> {
            sent.add(message);
            return Outbox.Status.LOCAL_OUTBOX;
        };
        NotifyProperties properties = new NotifyProperties(null, null, null, null, LocalTime.of(21, 0), LocalTime.of(8, 0), 5,
                Duration.ofSeconds(5));
        dispatcher = new NotificationDispatcher(outbox, sender, commands, vault,
                (caseId, victimId) -> Optional.of(new Sealed(new PersonId(victimId), "sealed")), properties,
                Clock.fixed(NOW, ZoneOffset.UTC), new ReadModelReplay(null, database));
        outbox.enqueue(new OutboxMessage("event-1:victim-0001:SMS", "case-0001", "victim-0001", 3, ContactChannel.SMS,
                "Update notice", NOW.minusSeconds(60), NOW.minusSeconds(60), 0, Outbox.Status.PENDING));
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void nothingIsSentOrRecordedWhileAProcessorReplaysAndTheNoticeGoesOnceItIsDone() {
        // What a processor's reset stores, on this instance or any other sharing the store.
        database.getCollection("tracking_tokens").insertOne(new Document("processorName", "case-timelines").append("segment", 0)
                .append("tokenType", ReplayToken.class.getName()));

        dispatcher.dispatchDue();

        assertThat(sent).isEmpty();
        verifyNoInteractions(commands);
        assertThat(outbox.forCase("case-0001")).singleElement().satisfies(m -> assertThat(m.getString("status")).isEqualTo("PENDING"));

        // The replay caught up: its tokens are ordinary ones again.
        database.getCollection("tracking_tokens").updateOne(new Document("processorName", "case-timelines"),
                new Document("$set", new Document("tokenType", "org.axonframework.eventhandling.GapAwareTrackingToken")));

        dispatcher.dispatchDue();

        assertThat(sent).extracting(OutboxMessage::id).containsExactly("event-1:victim-0001:SMS");
        verify(commands, times(1)).sendAndWait(any(CommandMessage.class));
        assertThat(outbox.forCase("case-0001")).singleElement().satisfies(m -> assertThat(m.getString("status")).isEqualTo("LOCAL_OUTBOX"));
    }
}
