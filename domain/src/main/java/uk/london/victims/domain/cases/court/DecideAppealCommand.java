package uk.london.victims.domain.cases.court;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.AppealOutcome;
import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;

/** An appeal was decided. */
public record DecideAppealCommand(@TargetAggregateIdentifier CaseId caseId,
                                  SuspectId suspectId,
                                  AppealOutcome outcome,
                                  Instant occurredAt) implements CaseCommand {
}
