package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The suspect was released under investigation, without bail. */
public record ReleaseSuspectUnderInvestigationCommand(@TargetAggregateIdentifier CaseId caseId,
                                                      SuspectId suspectId,
                                                      Instant occurredAt) implements CaseCommand {
}
