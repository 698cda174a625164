package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.FileCaseCommand;

/** Body of: File the case. */
public record FileCaseRequest(String reason,
                              Instant occurredAt) {

    public FileCaseCommand toCommand(CaseId caseId) {
        return new FileCaseCommand(caseId, reason, occurredAt);
    }
}
