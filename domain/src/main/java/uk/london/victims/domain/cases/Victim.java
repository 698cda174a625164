package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import uk.london.victims.domain.people.PersonId;

/**
 * What the case knows about one of its victims. An Axon entity of the {@link Case}: it applies the events
 * that carry its {@code victimId}; the case decides every command, because its rules join the victim with
 * the case's status and suspects. No personal details: those stay sealed in the events.
 */
final class Victim {

    @EntityId(routingKey = "victimId")
    PersonId id;
    /** Enhanced rights as assessed; each clock records the status in force when it started. */
    boolean enhanced;
    boolean declinedUpdates;
    boolean persistentlyTargeted;
    final Set<ContactChannel> unsafeChannels = EnumSet.noneOf(ContactChannel.class);
    final Set<VictimPersonalStatementStep> statementSteps = EnumSet.noneOf(VictimPersonalStatementStep.class);
    /** Open complaints by id, with when each was made (a response cannot precede it). */
    final Map<String, Instant> complaints = new HashMap<>();

    Victim(PersonId id, boolean enhanced) {
        this.id = id;
        this.enhanced = enhanced;
    }

    private Victim() {
        // for the snapshot serializer
    }

    @EventSourcingHandler
    void on(NeedsAssessedEvent event) {
        enhanced = enhanced || !event.enhancedRightsReasons().isEmpty();
    }

    @EventSourcingHandler
    void on(VictimPersistentlyTargetedEvent event) {
        persistentlyTargeted = true;
        enhanced = true;
    }

    @EventSourcingHandler
    void on(EnhancedRightsGrantedByDiscretionEvent event) {
        enhanced = true;
    }

    @EventSourcingHandler
    void on(ContactPreferencesSetEvent event) {
        declinedUpdates = event.declinedUpdates();
        unsafeChannels.clear();
        unsafeChannels.addAll(event.unsafeChannels());
    }

    @EventSourcingHandler
    void on(VictimPersonalStatementRecordedEvent event) {
        statementSteps.add(event.step());
    }

    @EventSourcingHandler
    void on(ComplaintMadeEvent event) {
        complaints.put(event.complaintId(), event.occurredAt());
    }

    // Value equality lets Axon's test fixture check that replaying events rebuilds exactly this state.
    @Override
    public boolean equals(Object other) {
        return other instanceof Victim v && Objects.equals(id, v.id) && enhanced == v.enhanced
               && declinedUpdates == v.declinedUpdates
               && persistentlyTargeted == v.persistentlyTargeted && unsafeChannels.equals(v.unsafeChannels)
               && statementSteps.equals(v.statementSteps) && complaints.equals(v.complaints);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }
}
