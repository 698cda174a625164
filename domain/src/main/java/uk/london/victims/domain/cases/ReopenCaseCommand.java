package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A filed, closed or not-investigated case was reopened. */
public record ReopenCaseCommand(@TargetAggregateIdentifier CaseId caseId,
                                String reason,
                                Instant occurredAt) implements CaseCommand {
}
