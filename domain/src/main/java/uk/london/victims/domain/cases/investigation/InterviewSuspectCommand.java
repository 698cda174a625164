package uk.london.victims.domain.cases.investigation;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;

/** The suspect was interviewed under caution. */
public record InterviewSuspectCommand(@TargetAggregateIdentifier CaseId caseId,
                                      SuspectId suspectId,
                                      boolean admittedOffence,
                                      Instant occurredAt) implements CaseCommand {
}
