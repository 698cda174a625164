package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The suspect was arrested. */
public record ArrestSuspectCommand(@TargetAggregateIdentifier CaseId caseId,
                                   SuspectId suspectId,
                                   Instant occurredAt) implements CaseCommand {
}
