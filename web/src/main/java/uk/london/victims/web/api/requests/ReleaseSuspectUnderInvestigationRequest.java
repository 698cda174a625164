package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.investigation.ReleaseSuspectUnderInvestigationCommand;

/** Body of: Release the suspect under investigation. */
public record ReleaseSuspectUnderInvestigationRequest(Instant occurredAt) {

    public ReleaseSuspectUnderInvestigationCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new ReleaseSuspectUnderInvestigationCommand(caseId, suspectId, occurredAt);
    }
}
