package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What happened at a hearing. */
public record RecordHearingOutcomeCommand(@TargetAggregateIdentifier CaseId caseId,
                                          HearingId hearingId,
                                          HearingOutcome outcome,
                                          List<String> conditions,
                                          Instant occurredAt) implements CaseCommand {
}
