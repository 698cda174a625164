package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ReopenCaseCommand;

/** Body of: Reopen the case. */
public record ReopenCaseRequest(String reason,
                                Instant occurredAt) {

    public ReopenCaseCommand toCommand(CaseId caseId) {
        return new ReopenCaseCommand(caseId, reason, occurredAt);
    }
}
