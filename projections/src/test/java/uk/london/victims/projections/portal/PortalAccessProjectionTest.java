package uk.london.victims.projections.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.cases.ContactPreferencesSetEvent;
import uk.london.victims.domain.cases.CrimeRecordedEvent;
import uk.london.victims.domain.cases.DelegateAddedEvent;
import uk.london.victims.domain.cases.DelegateConsentRecordedEvent;
import uk.london.victims.domain.cases.DelegateRole;
import uk.london.victims.domain.cases.VictimAddedEvent;
import uk.london.victims.domain.cases.VictimKind;
import uk.london.victims.domain.cases.OffenceCategory;
import uk.london.victims.domain.geography.Borough;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

class PortalAccessProjectionTest {

    private static final String CASE = "case-0001";
    private static final PersonId VICTIM = new PersonId("victim-0001");
    private static final PersonId ADVISER = new PersonId("adviser-0001");
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> stored;
    private PortalAccessProjection projection;
    /** As a streaming processor calls it: by the handler for the payload's type, if there is one. */
    private AnnotationEventHandlerAdapter handlers;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
        stored = client.getDatabase("t").getCollection(PortalAccessProjection.COLLECTION);
        projection = new PortalAccessProjection(client.getDatabase("t"));
        handlers = new AnnotationEventHandlerAdapter(projection);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchOfTheCasesPeopleIsWrittenOnceWhenItsLastEventIsHandled() {
        List<DomainEventMessage<?>> batch = List.of(
                event(0, new VictimAddedEvent(new CaseId(CASE), VICTIM, VictimKind.DIRECT_VICTIM, new Sealed(VICTIM, "c1"), false, AT)),
                event(1, new DelegateAddedEvent(new CaseId(CASE), ADVISER, VICTIM, DelegateRole.INDEPENDENT_DOMESTIC_VIOLENCE_ADVISER,
                        new Sealed(ADVISER, "c2"), AT)),
                event(2, new DelegateConsentRecordedEvent(new CaseId(CASE), ADVISER, VICTIM, true, AT)),
                event(3, new ContactPreferencesSetEvent(new CaseId(CASE), VICTIM, Set.of(ContactChannel.EMAIL),
                        Set.of(ContactChannel.SMS, ContactChannel.EMAIL), false, null, AT)));
        List<Long> storedWhileHandling = new ArrayList<>();

        inOneBatch(batch, () -> storedWhileHandling.add(stored.countDocuments()));

        assertThat(storedWhileHandling).containsExactly(0L, 0L, 0L, 0L);
        Document people = stored.find(new Document("_id", CASE)).first().get("people", Document.class);
        assertThat(people.get(VICTIM.value(), Document.class))
                .containsEntry("ciphertext", "c1").containsEntry("actsFor", VICTIM.value()).containsEntry("consent", true)
                .containsEntry("unsafe", List.of("EMAIL", "SMS"));
        assertThat(people.get(ADVISER.value(), Document.class))
                .containsEntry("actsFor", VICTIM.value()).containsEntry("role", "INDEPENDENT_DOMESTIC_VIOLENCE_ADVISER")
                .containsEntry("consent", true);
        assertThat(projection.handle(new FindPortalAccessQuery(CASE)).orElseThrow().people()).hasSize(2);
    }

    @Test
    void eventsItDoesNotReadAreNeverHandedToItAndARedeliveredEventChangesNothing() {
        DomainEventMessage<?> victim = event(0, new VictimAddedEvent(new CaseId(CASE), VICTIM, VictimKind.DIRECT_VICTIM,
                new Sealed(VICTIM, "c1"), false, AT));
        DomainEventMessage<?> withdrawn = event(1, new DelegateConsentRecordedEvent(new CaseId(CASE), ADVISER, VICTIM, false, AT));
        DomainEventMessage<?> recorded = event(2, new CrimeRecordedEvent(new CaseId(CASE), "CR-1", OffenceCategory.values()[0],
                Borough.values()[0], Set.of(), Set.of(), AT));

        assertThat(handlers.canHandle(recorded)).isFalse();
        assertThat(handlers.canHandle(victim)).isTrue();
        inOneBatch(List.of(victim), () -> { });
        Document first = stored.find().first();
        // The first event again, later, with another's details: already applied to this case's version.
        inOneBatch(List.of(event(0, new VictimAddedEvent(new CaseId(CASE), VICTIM, VictimKind.DIRECT_VICTIM,
                new Sealed(VICTIM, "other"), false, AT))), () -> { });
        assertThat(stored.find().first()).isEqualTo(first);
        // A consent for a delegate the case does not hold changes no one, and counts as applied.
        inOneBatch(List.of(withdrawn), () -> { });
        assertThat(stored.find().first().get("people", Document.class).keySet()).containsExactly(VICTIM.value());
        assertThat(stored.find().first().get("version", Number.class).longValue()).isEqualTo(1);
    }

    @Test
    void aReplayRebuildsTheDocumentsFromTheEvents() {
        List<DomainEventMessage<?>> events = List.of(
                event(0, new VictimAddedEvent(new CaseId(CASE), VICTIM, VictimKind.DIRECT_VICTIM, new Sealed(VICTIM, "c1"), false, AT)),
                event(1, new DelegateConsentRecordedEvent(new CaseId(CASE), ADVISER, VICTIM, true, AT)));
        inOneBatch(events, () -> { });
        Document built = stored.find().first();
        stored.replaceOne(new Document("_id", CASE), new Document("_id", CASE).append("version", 9).append("people", new Document()));

        handlers.prepareReset();
        assertThat(stored.countDocuments()).isZero();
        inOneBatch(events, () -> { });
        assertThat(stored.find().first()).isEqualTo(built);
    }

    private DomainEventMessage<?> event(long sequence, Record payload) {
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Case", CASE, sequence, payload, Map.of(),
                UUID.randomUUID().toString(), AT);
        return message;
    }

    private void inOneBatch(List<DomainEventMessage<?>> messages, Runnable beforeEach) {
        new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(messages)).executeWithResult(() -> {
            beforeEach.run();
            handlers.handle((EventMessage<?>) CurrentUnitOfWork.get().getMessage());
            return null;
        });
    }
}
