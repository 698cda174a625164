package uk.london.victims.domain.cases.investigation;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;

/** An officer became the officer in the case (first assignment or change). */
public record AssignOfficerCommand(@TargetAggregateIdentifier CaseId caseId,
                                   String officerId,
                                   String unit,
                                   Instant occurredAt) implements CaseCommand {
}
