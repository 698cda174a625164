package uk.london.victims.application.notifications;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

import uk.london.victims.application.axon.JsonSerialization;
import uk.london.victims.application.history.ImportedHistory;
import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.cases.ContactPreferencesSetEvent;
import uk.london.victims.domain.cases.VictimAddedEvent;
import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.domain.code.ClockStart;
import uk.london.victims.domain.code.CodeRule;
import uk.london.victims.domain.code.EvidenceKind;
import uk.london.victims.domain.code.VictimsCode;

/**
 * Decides which victims to tell, by which channels, when an event that the Code says they must be told
 * about is recorded: the rule data decides which events those are. Only the channels the victim chose,
 * never one marked unsafe, nothing when they declined updates; text messages wait for the end of quiet
 * hours. The notice says only that there is an update: no case detail travels by email or text.
 *
 * <p>Never replayed: rebuilding read models must not message victims again.
 */
@Component
@ProcessingGroup(VictimNotifications.PROCESSING_GROUP)
@DisallowReplay
public class VictimNotifications {

    public static final String PROCESSING_GROUP = "victim-notifications";
    static final String CONTACTS = "notification_contacts";
    static final String NOTICE = "There is an update on your case. Sign in to the victim journey tracker to see it.";
    private static final String RECEIPT = "CourtInformationReceivedByWitnessCare";
    private static final Set<ContactChannel> PUSHED = Set.of(ContactChannel.EMAIL, ContactChannel.SMS);
    private static final ObjectMapper FIELDS = JsonSerialization.objectMapper();

    private final MongoCollection<Document> contacts;
    private final Outbox outbox;
    private final VictimsCode code;
    private final QuietHours quietHours;
    private final Clock clock;

    public VictimNotifications(MongoDatabase database, Outbox outbox, VictimsCode code, NotifyProperties properties, Clock clock) {
        this.contacts = database.getCollection(CONTACTS);
        this.outbox = outbox;
        this.code = code;
        this.quietHours = new QuietHours(properties.quietFrom(), properties.quietUntil());
        this.clock = clock;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> message) {
        if (!"Case".equals(message.getType())) {
            return;
        }
        boolean imported = ImportedHistory.isImported(message.getMetaData());
        if (imported && !(payload instanceof VictimAddedEvent) && !(payload instanceof ContactPreferencesSetEvent)) {
            // Imported history is kept for the record and the figures; its victims were told (or not) back then.
            // Only who they are and how to reach them is kept, for what happens after the import. (Reading and
            // rewriting the case's contacts for every imported event held the catch-up after an import to ~250
            // events/s.)
            return;
        }
        String caseId = message.getAggregateIdentifier();
        Document state = contacts.find(eq("_id", caseId)).first();
        if (state == null) {
            state = new Document("_id", caseId).append("victims", new Document()).append("awaitingReceipt", List.of());
        }
        if (payload instanceof VictimAddedEvent added) {
            state.get("victims", Document.class).append(added.victimId().value(), new Document("sealedFor",
                    added.personalDetails().person().value()).append("ciphertext", added.personalDetails().ciphertext())
                    .append("channels", List.of()).append("unsafe", List.of()).append("declined", false));
        } else if (payload instanceof ContactPreferencesSetEvent preferences) {
            Document victim = state.get("victims", Document.class).get(preferences.victimId().value(), Document.class);
            if (victim != null) {
                victim.append("channels", preferences.channels().stream().map(Enum::name).sorted().toList())
                      .append("unsafe", preferences.unsafeChannels().stream().map(Enum::name).sorted().toList())
                      .append("declined", preferences.declinedUpdates());
            }
        } else {
            notifyIfOwed(caseId, payload, message, state);
        }
        contacts.replaceOne(eq("_id", caseId), state, new ReplaceOptions().upsert(true));
    }

    private void notifyIfOwed(String caseId, Object payload, DomainEventMessage<?> message, Document state) {
        CaseFact fact = fact(payload, message);
        List<CodeRule> rules = code.editionInForce(fact.occurredAt()).map(edition -> edition.rules().stream()
                .filter(rule -> rule.evidence() == EvidenceKind.VICTIM_INFORMED && rule.perVictim())
                .filter(rule -> rule.triggers().contains(fact.type()) && fact.matches(rule.when())).toList())
                .orElse(List.of());
        boolean tellNow = rules.stream().anyMatch(rule -> rule.clockStart() == ClockStart.EVENT);
        boolean tellOnReceipt = rules.stream().anyMatch(rule -> rule.clockStart() == ClockStart.WITNESS_CARE_RECEIPT);
        List<Long> awaiting = state.getList("awaitingReceipt", Long.class, List.of());
        if (tellOnReceipt) {
            state.append("awaitingReceipt", Stream.concat(awaiting.stream(), Stream.of(fact.sequence())).toList());
        }
        if (fact.type().equals(RECEIPT) && awaiting.contains(fact.number("aboutSequence"))) {
            tellNow = true;
        }
        if (!tellNow) {
            return;
        }
        Instant now = clock.instant();
        state.get("victims", Document.class).forEach((victimId, value) -> {
            Document victim = (Document) value;
            if (victim.getBoolean("declined", false)) {
                return;
            }
            List<String> unsafe = victim.getList("unsafe", String.class, List.of());
            for (String name : victim.getList("channels", String.class, List.of())) {
                ContactChannel channel = ContactChannel.valueOf(name);
                if (!PUSHED.contains(channel) || unsafe.contains(name)) {
                    continue; // phone calls, letters and visits are made, and recorded, by people
                }
                Instant notBefore = channel == ContactChannel.SMS ? quietHours.nextSendable(now) : now;
                outbox.enqueue(new OutboxMessage(OutboxMessage.idFor(message.getIdentifier(), victimId, channel), caseId,
                        victimId, fact.sequence(), channel, NOTICE, now, notBefore, 0, Outbox.Status.PENDING));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static CaseFact fact(Object payload, DomainEventMessage<?> message) {
        Map<String, Object> fields = FIELDS.convertValue(payload, Map.class);
        String name = payload.getClass().getSimpleName();
        Object occurredAt = fields.get("occurredAt");
        return new CaseFact(message.getSequenceNumber(), name.endsWith("Event") ? name.substring(0, name.length() - 5) : name,
                occurredAt == null ? message.getTimestamp() : Instant.parse(occurredAt.toString()), message.getTimestamp(), fields);
    }
}
