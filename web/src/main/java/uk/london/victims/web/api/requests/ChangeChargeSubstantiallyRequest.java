package uk.london.victims.web.api.requests;

import java.time.Instant;
import java.util.List;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.prosecution.ChangeChargeSubstantiallyCommand;

/** Body of: Record a substantial change of charge. */
public record ChangeChargeSubstantiallyRequest(List<String> charges,
                                               String reason,
                                               Instant occurredAt) {

    public ChangeChargeSubstantiallyCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new ChangeChargeSubstantiallyCommand(caseId, suspectId, charges, reason, occurredAt);
    }
}
