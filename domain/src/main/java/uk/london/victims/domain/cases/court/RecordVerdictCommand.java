package uk.london.victims.domain.cases.court;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.Verdict;

/** The court's verdict on a defendant. */
public record RecordVerdictCommand(@TargetAggregateIdentifier CaseId caseId,
                                   SuspectId suspectId,
                                   Verdict verdict,
                                   Instant occurredAt) implements CaseCommand {
}
