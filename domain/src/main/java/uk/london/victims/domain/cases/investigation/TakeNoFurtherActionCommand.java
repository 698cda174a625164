package uk.london.victims.domain.cases.investigation;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;

/** The police took no further action against the suspect. */
public record TakeNoFurtherActionCommand(@TargetAggregateIdentifier CaseId caseId,
                                         SuspectId suspectId,
                                         String reason,
                                         Instant occurredAt) implements CaseCommand {
}
