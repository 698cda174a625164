package uk.london.victims.web.api.requests;

import java.time.Instant;
import java.util.List;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.investigation.ReleaseSuspectOnBailCommand;

/** Body of: Release the suspect on police bail. */
public record ReleaseSuspectOnBailRequest(List<String> conditions,
                                          Instant occurredAt) {

    public ReleaseSuspectOnBailCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new ReleaseSuspectOnBailCommand(caseId, suspectId, conditions, occurredAt);
    }
}
