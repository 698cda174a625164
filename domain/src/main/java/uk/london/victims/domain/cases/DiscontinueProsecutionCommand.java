package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The CPS stopped the prosecution. */
public record DiscontinueProsecutionCommand(@TargetAggregateIdentifier CaseId caseId,
                                            SuspectId suspectId,
                                            String reason,
                                            Instant occurredAt) implements CaseCommand {
}
