package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The suspect received an out-of-court disposal. */
public record GiveOutOfCourtDisposalCommand(@TargetAggregateIdentifier CaseId caseId,
                                            SuspectId suspectId,
                                            OutOfCourtDisposal disposal,
                                            boolean admittedOffence,
                                            Instant occurredAt) implements CaseCommand {
}
