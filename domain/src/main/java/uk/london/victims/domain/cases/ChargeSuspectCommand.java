package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The police charged the suspect. */
public record ChargeSuspectCommand(@TargetAggregateIdentifier CaseId caseId,
                                   SuspectId suspectId,
                                   List<String> charges,
                                   Instant occurredAt) implements CaseCommand {
}
