package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.Verdict;
import uk.london.victims.domain.cases.court.RecordVerdictCommand;

/** Body of: Record the verdict. */
public record RecordVerdictRequest(Verdict verdict,
                                   Instant occurredAt) {

    public RecordVerdictCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new RecordVerdictCommand(caseId, suspectId, verdict, occurredAt);
    }
}
