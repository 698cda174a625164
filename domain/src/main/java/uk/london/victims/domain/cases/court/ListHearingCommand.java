package uk.london.victims.domain.cases.court;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.HearingId;
import uk.london.victims.domain.cases.HearingType;
import uk.london.victims.domain.cases.SuspectId;

/** A court hearing was listed. */
public record ListHearingCommand(@TargetAggregateIdentifier CaseId caseId,
                                 HearingId hearingId,
                                 SuspectId suspectId,
                                 String court,
                                 Instant scheduledFor,
                                 HearingType type,
                                 Instant occurredAt) implements CaseCommand {
}
