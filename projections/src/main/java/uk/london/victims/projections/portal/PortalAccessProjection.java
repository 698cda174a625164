package uk.london.victims.projections.portal;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

import uk.london.victims.domain.cases.ContactPreferencesSetEvent;
import uk.london.victims.domain.cases.DelegateAddedEvent;
import uk.london.victims.domain.cases.DelegateConsentRecordedEvent;
import uk.london.victims.domain.cases.VictimAddedEvent;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/**
 * Who may sign in to the portal for a case, and where their code may be sent: each victim, and each
 * delegate with whether the victim's consent stands. One document per case, keyed by case id; contact
 * details stay sealed here and are opened only to send a code.
 */
@Component
@ProcessingGroup(PortalAccessProjection.PROCESSING_GROUP)
public class PortalAccessProjection {

    public static final String PROCESSING_GROUP = "portal-access";
    public static final String COLLECTION = "portal_access";

    private final MongoCollection<Document> access;

    public PortalAccessProjection(MongoDatabase database) {
        this.access = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        if (!(payload instanceof VictimAddedEvent || payload instanceof DelegateAddedEvent
              || payload instanceof DelegateConsentRecordedEvent || payload instanceof ContactPreferencesSetEvent)) {
            return;
        }
        String caseId = message.getAggregateIdentifier();
        Document state = access.find(eq("_id", caseId)).first();
        if (state != null && state.get("version", Number.class).longValue() >= message.getSequenceNumber()) {
            return;
        }
        if (state == null) {
            state = new Document("_id", caseId).append("people", new Document());
        }
        Document people = state.get("people", Document.class);
        if (payload instanceof VictimAddedEvent e) {
            people.append(e.victimId().value(), person(e.personalDetails()).append("actsFor", e.victimId().value())
                    .append("consent", true));
        } else if (payload instanceof DelegateAddedEvent e) {
            people.append(e.delegateId().value(), person(e.personalDetails()).append("actsFor", e.victimId().value())
                    .append("role", e.role().name()).append("consent", false));
        } else if (payload instanceof DelegateConsentRecordedEvent e) {
            Document delegate = people.get(e.delegateId().value(), Document.class);
            if (delegate != null) {
                delegate.append("consent", e.consentGiven());
            }
        } else if (payload instanceof ContactPreferencesSetEvent e) {
            Document victim = people.get(e.victimId().value(), Document.class);
            if (victim != null) {
                victim.append("unsafe", e.unsafeChannels().stream().map(Enum::name).sorted().toList());
            }
        }
        access.replaceOne(eq("_id", caseId), state.append("version", message.getSequenceNumber()), new ReplaceOptions().upsert(true));
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
