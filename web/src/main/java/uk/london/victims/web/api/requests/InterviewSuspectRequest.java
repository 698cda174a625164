package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.investigation.InterviewSuspectCommand;

/** Body of: Record an interview under caution. */
public record InterviewSuspectRequest(boolean admittedOffence,
                                      Instant occurredAt) {

    public InterviewSuspectCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new InterviewSuspectCommand(caseId, suspectId, admittedOffence, occurredAt);
    }
}
