package uk.london.victims.domain.cases.victims;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.VictimPersonalStatementStep;
import uk.london.victims.domain.people.PersonId;

/** A step of the Victim Personal Statement. */
public record RecordVictimPersonalStatementCommand(@TargetAggregateIdentifier CaseId caseId,
                                                   PersonId victimId,
                                                   VictimPersonalStatementStep step,
                                                   Boolean wishesToReadInCourt,
                                                   Instant occurredAt) implements CaseCommand {
}
