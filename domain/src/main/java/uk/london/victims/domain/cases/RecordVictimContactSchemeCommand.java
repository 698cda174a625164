package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.people.PersonId;

/** A step of the Victim Contact Scheme after sentence. */
public record RecordVictimContactSchemeCommand(@TargetAggregateIdentifier CaseId caseId,
                                               PersonId victimId,
                                               SuspectId suspectId,
                                               VictimContactSchemeStep step,
                                               Instant occurredAt) implements CaseCommand {
}
