package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The police decided not to investigate; the victim is owed the reason. */
public record DecideNotToInvestigateCommand(@TargetAggregateIdentifier CaseId caseId,
                                            String reason,
                                            Instant occurredAt) implements CaseCommand {
}
