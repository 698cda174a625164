package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The police took no further action against the suspect. */
public record TakeNoFurtherActionCommand(@TargetAggregateIdentifier CaseId caseId,
                                         SuspectId suspectId,
                                         String reason,
                                         Instant occurredAt) implements CaseCommand {
}
