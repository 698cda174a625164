package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.prosecution.DiscontinueProsecutionCommand;

/** Body of: Discontinue the prosecution. */
public record DiscontinueProsecutionRequest(String reason,
                                            Instant occurredAt) {

    public DiscontinueProsecutionCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new DiscontinueProsecutionCommand(caseId, suspectId, reason, occurredAt);
    }
}
