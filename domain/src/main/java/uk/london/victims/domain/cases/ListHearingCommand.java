package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A court hearing was listed. */
public record ListHearingCommand(@TargetAggregateIdentifier CaseId caseId,
                                 HearingId hearingId,
                                 SuspectId suspectId,
                                 String court,
                                 Instant scheduledFor,
                                 HearingType type,
                                 Instant occurredAt) implements CaseCommand {
}
