package uk.london.victims.domain.cases.investigation;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.OutOfCourtDisposal;
import uk.london.victims.domain.cases.SuspectId;

/** The suspect received an out-of-court disposal. */
public record GiveOutOfCourtDisposalCommand(@TargetAggregateIdentifier CaseId caseId,
                                            SuspectId suspectId,
                                            OutOfCourtDisposal disposal,
                                            boolean admittedOffence,
                                            Instant occurredAt) implements CaseCommand {
}
