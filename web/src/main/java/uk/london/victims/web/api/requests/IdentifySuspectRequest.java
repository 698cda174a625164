package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.investigation.IdentifySuspectCommand;

/** Body of: Identify a suspect. */
public record IdentifySuspectRequest(SuspectId suspectId,
                                     Instant occurredAt) {

    public IdentifySuspectCommand toCommand(CaseId caseId) {
        return new IdentifySuspectCommand(caseId, suspectId, occurredAt);
    }
}
