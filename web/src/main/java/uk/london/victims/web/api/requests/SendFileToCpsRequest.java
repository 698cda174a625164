package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.prosecution.SendFileToCpsCommand;

/** Body of: Send the file to the CPS. */
public record SendFileToCpsRequest(Instant occurredAt) {

    public SendFileToCpsCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new SendFileToCpsCommand(caseId, suspectId, occurredAt);
    }
}
