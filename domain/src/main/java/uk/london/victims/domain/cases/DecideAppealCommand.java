package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An appeal was decided. */
public record DecideAppealCommand(@TargetAggregateIdentifier CaseId caseId,
                                  SuspectId suspectId,
                                  AppealOutcome outcome,
                                  Instant occurredAt) implements CaseCommand {
}
