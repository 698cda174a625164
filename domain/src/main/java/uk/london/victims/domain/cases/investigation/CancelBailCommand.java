package uk.london.victims.domain.cases.investigation;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;

/** The suspect's bail was cancelled. */
public record CancelBailCommand(@TargetAggregateIdentifier CaseId caseId,
                                SuspectId suspectId,
                                String reason,
                                Instant occurredAt) implements CaseCommand {
}
