package uk.london.victims.web.api.requests;

import java.time.Instant;
import java.util.List;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.investigation.ChangeBailConditionsCommand;

/** Body of: Change bail conditions. */
public record ChangeBailConditionsRequest(List<String> conditions,
                                          Instant occurredAt) {

    public ChangeBailConditionsCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new ChangeBailConditionsCommand(caseId, suspectId, conditions, occurredAt);
    }
}
