package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The court's verdict on a defendant. */
public record RecordVerdictCommand(@TargetAggregateIdentifier CaseId caseId,
                                   SuspectId suspectId,
                                   Verdict verdict,
                                   Instant occurredAt) implements CaseCommand {
}
