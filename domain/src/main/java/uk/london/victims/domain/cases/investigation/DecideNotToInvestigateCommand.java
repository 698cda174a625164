package uk.london.victims.domain.cases.investigation;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;

/** The police decided not to investigate; the victim is owed the reason. */
public record DecideNotToInvestigateCommand(@TargetAggregateIdentifier CaseId caseId,
                                            String reason,
                                            Instant occurredAt) implements CaseCommand {
}
