package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.people.PersonId;

/** A step of the Victim Personal Statement. */
public record RecordVictimPersonalStatementCommand(@TargetAggregateIdentifier CaseId caseId,
                                                   PersonId victimId,
                                                   VictimPersonalStatementStep step,
                                                   Boolean wishesToReadInCourt,
                                                   Instant occurredAt) implements CaseCommand {
}
