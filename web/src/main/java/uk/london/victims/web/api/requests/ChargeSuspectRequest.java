package uk.london.victims.web.api.requests;

import java.time.Instant;
import java.util.List;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.prosecution.ChargeSuspectCommand;

/** Body of: Charge the suspect (police). */
public record ChargeSuspectRequest(List<String> charges,
                                   Instant occurredAt) {

    public ChargeSuspectCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new ChargeSuspectCommand(caseId, suspectId, charges, occurredAt);
    }
}
