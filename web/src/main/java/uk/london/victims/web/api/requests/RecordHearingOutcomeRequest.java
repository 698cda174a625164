package uk.london.victims.web.api.requests;

import java.time.Instant;
import java.util.List;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.HearingId;
import uk.london.victims.domain.cases.HearingOutcome;
import uk.london.victims.domain.cases.court.RecordHearingOutcomeCommand;

/** Body of: Record what happened at a hearing. */
public record RecordHearingOutcomeRequest(HearingOutcome outcome,
                                          List<String> conditions,
                                          Instant occurredAt) {

    public RecordHearingOutcomeCommand toCommand(CaseId caseId, HearingId hearingId) {
        return new RecordHearingOutcomeCommand(caseId, hearingId, outcome, conditions, occurredAt);
    }
}
