package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.investigation.ArrestSuspectCommand;

/** Body of: Record an arrest. */
public record ArrestSuspectRequest(Instant occurredAt) {

    public ArrestSuspectCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new ArrestSuspectCommand(caseId, suspectId, occurredAt);
    }
}
