package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The investigation ended with no one charged; the case may be reopened. */
public record FileCaseCommand(@TargetAggregateIdentifier CaseId caseId,
                              String reason,
                              Instant occurredAt) implements CaseCommand {
}
