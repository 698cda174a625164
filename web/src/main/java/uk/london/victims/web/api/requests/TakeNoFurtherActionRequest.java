package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.investigation.TakeNoFurtherActionCommand;

/** Body of: Take no further action (police). */
public record TakeNoFurtherActionRequest(String reason,
                                         Instant occurredAt) {

    public TakeNoFurtherActionCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new TakeNoFurtherActionCommand(caseId, suspectId, reason, occurredAt);
    }
}
