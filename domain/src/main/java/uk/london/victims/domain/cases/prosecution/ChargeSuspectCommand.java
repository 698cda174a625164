package uk.london.victims.domain.cases.prosecution;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;

/** The police charged the suspect. */
public record ChargeSuspectCommand(@TargetAggregateIdentifier CaseId caseId,
                                   SuspectId suspectId,
                                   List<String> charges,
                                   Instant occurredAt) implements CaseCommand {
}
