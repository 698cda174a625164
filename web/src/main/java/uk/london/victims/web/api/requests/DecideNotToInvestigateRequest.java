package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.investigation.DecideNotToInvestigateCommand;

/** Body of: Decide not to investigate. */
public record DecideNotToInvestigateRequest(String reason,
                                            Instant occurredAt) {

    public DecideNotToInvestigateCommand toCommand(CaseId caseId) {
        return new DecideNotToInvestigateCommand(caseId, reason, occurredAt);
    }
}
