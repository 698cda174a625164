package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.HearingId;
import uk.london.victims.domain.cases.HearingType;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.court.ListHearingCommand;

/** Body of: List a court hearing. */
public record ListHearingRequest(HearingId hearingId,
                                 SuspectId suspectId,
                                 String court,
                                 Instant scheduledFor,
                                 HearingType type,
                                 Instant occurredAt) {

    public ListHearingCommand toCommand(CaseId caseId) {
        return new ListHearingCommand(caseId, hearingId, suspectId, court, scheduledFor, type, occurredAt);
    }
}
