package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The suspect was interviewed under caution. */
public record InterviewSuspectCommand(@TargetAggregateIdentifier CaseId caseId,
                                      SuspectId suspectId,
                                      boolean admittedOffence,
                                      Instant occurredAt) implements CaseCommand {
}
