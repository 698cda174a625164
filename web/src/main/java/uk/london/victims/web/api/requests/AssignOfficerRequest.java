package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.investigation.AssignOfficerCommand;

/** Body of: Assign or change the officer in the case. */
public record AssignOfficerRequest(String officerId,
                                   String unit,
                                   Instant occurredAt) {

    public AssignOfficerCommand toCommand(CaseId caseId) {
        return new AssignOfficerCommand(caseId, officerId, unit, occurredAt);
    }
}
