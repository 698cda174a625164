package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.OutOfCourtDisposal;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.investigation.GiveOutOfCourtDisposalCommand;

/** Body of: Give an out-of-court disposal. */
public record GiveOutOfCourtDisposalRequest(OutOfCourtDisposal disposal,
                                            boolean admittedOffence,
                                            Instant occurredAt) {

    public GiveOutOfCourtDisposalCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new GiveOutOfCourtDisposalCommand(caseId, suspectId, disposal, admittedOffence, occurredAt);
    }
}
