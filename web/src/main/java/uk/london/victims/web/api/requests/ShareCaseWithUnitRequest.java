package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ShareCaseWithUnitCommand;

/** Body of: Bring another agency's unit into the case. */
public record ShareCaseWithUnitRequest(String unit,
                                       Instant occurredAt) {

    public ShareCaseWithUnitCommand toCommand(CaseId caseId) {
        return new ShareCaseWithUnitCommand(caseId, unit, occurredAt);
    }
}
