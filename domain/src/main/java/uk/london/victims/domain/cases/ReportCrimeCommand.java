package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a case: a crime was reported to the police at {@code occurredAt}. */
public record ReportCrimeCommand(@TargetAggregateIdentifier CaseId caseId, ReportChannel channel, Instant occurredAt) implements CaseCommand {
}
