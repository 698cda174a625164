package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.investigation.CancelBailCommand;

/** Body of: Cancel bail. */
public record CancelBailRequest(String reason,
                                Instant occurredAt) {

    public CancelBailCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new CancelBailCommand(caseId, suspectId, reason, occurredAt);
    }
}
