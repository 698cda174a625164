package uk.london.victims.domain.cases.court;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.HearingId;
import uk.london.victims.domain.cases.HearingOutcome;

/** What happened at a hearing. */
public record RecordHearingOutcomeCommand(@TargetAggregateIdentifier CaseId caseId,
                                          HearingId hearingId,
                                          HearingOutcome outcome,
                                          List<String> conditions,
                                          Instant occurredAt) implements CaseCommand {
}
