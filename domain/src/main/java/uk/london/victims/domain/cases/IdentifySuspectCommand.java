package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A suspect was identified (by reference only). */
public record IdentifySuspectCommand(@TargetAggregateIdentifier CaseId caseId,
                                     SuspectId suspectId,
                                     Instant occurredAt) implements CaseCommand {
}
