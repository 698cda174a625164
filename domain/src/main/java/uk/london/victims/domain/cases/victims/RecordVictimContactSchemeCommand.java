package uk.london.victims.domain.cases.victims;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.VictimContactSchemeStep;
import uk.london.victims.domain.people.PersonId;

/** A step of the Victim Contact Scheme after sentence. */
public record RecordVictimContactSchemeCommand(@TargetAggregateIdentifier CaseId caseId,
                                               PersonId victimId,
                                               SuspectId suspectId,
                                               VictimContactSchemeStep step,
                                               Instant occurredAt) implements CaseCommand {
}
