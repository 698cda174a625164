package uk.london.victims.domain.cases.investigation;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ReportChannel;

/** Opens a case: a crime was reported to the police at {@code occurredAt}. */
public record ReportCrimeCommand(@TargetAggregateIdentifier CaseId caseId, ReportChannel channel, Instant occurredAt) implements CaseCommand {
}
