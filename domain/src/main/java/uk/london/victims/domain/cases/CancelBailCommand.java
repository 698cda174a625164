package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The suspect's bail was cancelled. */
public record CancelBailCommand(@TargetAggregateIdentifier CaseId caseId,
                                SuspectId suspectId,
                                String reason,
                                Instant occurredAt) implements CaseCommand {
}
