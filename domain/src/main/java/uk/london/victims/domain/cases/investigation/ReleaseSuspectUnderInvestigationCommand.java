package uk.london.victims.domain.cases.investigation;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;

/** The suspect was released under investigation, without bail. */
public record ReleaseSuspectUnderInvestigationCommand(@TargetAggregateIdentifier CaseId caseId,
                                                      SuspectId suspectId,
                                                      Instant occurredAt) implements CaseCommand {
}
