package uk.london.victims.projections.portal;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import uk.london.victims.domain.cases.ContactPreferencesSetEvent;
import uk.london.victims.domain.cases.DelegateAddedEvent;
import uk.london.victims.domain.cases.DelegateConsentRecordedEvent;
import uk.london.victims.domain.cases.VictimAddedEvent;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;
import uk.london.victims.projections.support.BatchDocuments;
import uk.london.victims.projections.support.ReadModelCollections;
import uk.london.victims.projections.support.ReadModels;

/**
 * Who may sign in to the portal for a case, and where their code may be sent: each victim, and each
 * delegate with whether the victim's consent stands. One document per case, keyed by case id; contact
 * details stay sealed here and are opened only to send a code.
 *
 * <p>A handler per event it reads, not one for every event: a streaming processor then hands it only those (two or
 * three of a case's twenty or so), and never deserializes the rest, which was most of this read model's share of a
 * replay (issue 14).
 * A batch's documents are read and written once ({@link BatchDocuments}).
 */
@Component
@ProcessingGroup(PortalAccessProjection.PROCESSING_GROUP)
public class PortalAccessProjection {

    public static final String PROCESSING_GROUP = "portal-access";
    public static final String COLLECTION = "portal_access";

    private final MongoDatabase database;
    private final MongoCollection<Document> access;
    private final BatchDocuments<String> cases;

    public PortalAccessProjection(@ReadModels MongoDatabase database) {
        this.database = database;
        this.access = database.getCollection(COLLECTION);
        // Every event handed to this processor is one of its own, so every one names a document to read ahead.
        this.cases = new BatchDocuments<>(access, m -> m instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null);
    }

    @EventHandler
    void on(VictimAddedEvent e, DomainEventMessage<?> message) {
        apply(message, people -> people.append(e.victimId().value(), person(e.personalDetails())
                .append("actsFor", e.victimId().value()).append("consent", true)));
    }

    @EventHandler
    void on(DelegateAddedEvent e, DomainEventMessage<?> message) {
        apply(message, people -> people.append(e.delegateId().value(), person(e.personalDetails())
                .append("actsFor", e.victimId().value()).append("role", e.role().name()).append("consent", false)));
    }

    @EventHandler
    void on(DelegateConsentRecordedEvent e, DomainEventMessage<?> message) {
        apply(message, people -> {
            Document delegate = people.get(e.delegateId().value(), Document.class);
            if (delegate != null) {
                delegate.append("consent", e.consentGiven());
            }
        });
    }

    @EventHandler
    void on(ContactPreferencesSetEvent e, DomainEventMessage<?> message) {
        apply(message, people -> {
            Document victim = people.get(e.victimId().value(), Document.class);
            if (victim != null) {
                victim.append("unsafe", e.unsafeChannels().stream().map(Enum::name).sorted().toList());
            }
        });
    }

    /** Changes the case's people as the event says, once per case version (delivery is at least once). */
    private void apply(DomainEventMessage<?> message, Consumer<Document> change) {
        try {
            String caseId = message.getAggregateIdentifier();
            Document state = cases.find(caseId);
            if (state != null && state.get("version", Number.class).longValue() >= message.getSequenceNumber()) {
                return;
            }
            if (state == null) {
                state = new Document("_id", caseId).append("people", new Document());
            }
            change.accept(state.get("people", Document.class));
            cases.save(caseId, state.append("version", message.getSequenceNumber()));
        } finally {
            cases.endOfEvent();
        }
    }

    /**
     * A replay rebuilds this read model like the others. Without this, a replay kept the documents it found and
     * skipped every event by its version: a document gone wrong, or written by an older shape, was never mended.
     */
    @ResetHandler
    void reset() {
        ReadModelCollections.dropThoseThere(database, List.of(COLLECTION));
    }

    private static Document person(Sealed details) {
        return new Document("sealedFor", details.person().value()).append("ciphertext", details.ciphertext())
                .append("unsafe", List.of());
    }

    @QueryHandler
    Optional<PortalAccessView> handle(FindPortalAccessQuery query) {
        Document state = access.find(eq("_id", query.caseId())).first();
        if (state == null) {
            return Optional.empty();
        }
        List<PortalAccessView.Person> people = new ArrayList<>();
        state.get("people", Document.class).forEach((personId, value) -> {
            Document person = (Document) value;
            people.add(new PortalAccessView.Person(personId, person.getString("actsFor"), person.getString("role"),
                    person.getBoolean("consent", false),
                    new Sealed(new PersonId(person.getString("sealedFor")), person.getString("ciphertext")),
                    person.getList("unsafe", String.class, List.of())));
        });
        return Optional.of(new PortalAccessView(query.caseId(), people));
    }
}
