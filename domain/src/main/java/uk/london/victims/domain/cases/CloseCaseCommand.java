package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The case was closed. */
public record CloseCaseCommand(@TargetAggregateIdentifier CaseId caseId,
                               String reason,
                               Instant occurredAt) implements CaseCommand {
}
