package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/** What happened at a hearing. */
@Revision("1")
public record HearingOutcomeRecordedEvent(CaseId caseId,
                                          HearingId hearingId,
                                          HearingOutcome outcome,
                                          List<String> conditions,
                                          Instant occurredAt) {
}
