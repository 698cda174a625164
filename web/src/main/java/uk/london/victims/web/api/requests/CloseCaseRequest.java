package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.CloseCaseCommand;

/** Body of: Close the case. */
public record CloseCaseRequest(String reason,
                               Instant occurredAt) {

    public CloseCaseCommand toCommand(CaseId caseId) {
        return new CloseCaseCommand(caseId, reason, occurredAt);
    }
}
