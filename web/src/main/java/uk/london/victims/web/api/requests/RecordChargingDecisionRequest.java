package uk.london.victims.web.api.requests;

import java.time.Instant;
import java.util.List;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ChargingDecision;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.prosecution.RecordChargingDecisionCommand;

/** Body of: Record the CPS charging decision. */
public record RecordChargingDecisionRequest(ChargingDecision decision,
                                            List<String> charges,
                                            String reason,
                                            Instant occurredAt) {

    public RecordChargingDecisionCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new RecordChargingDecisionCommand(caseId, suspectId, decision, charges, reason, occurredAt);
    }
}
