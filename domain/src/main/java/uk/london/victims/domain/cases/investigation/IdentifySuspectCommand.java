package uk.london.victims.domain.cases.investigation;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;

/** A suspect was identified (by reference only). */
public record IdentifySuspectCommand(@TargetAggregateIdentifier CaseId caseId,
                                     SuspectId suspectId,
                                     Instant occurredAt) implements CaseCommand {
}
