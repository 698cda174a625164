package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.RestorativeJusticeStep;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.restorative.RecordRestorativeJusticeStepCommand;

/** Body of: Record a restorative justice step. */
public record RecordRestorativeJusticeStepRequest(RestorativeJusticeStep step,
                                                  String detail,
                                                  Instant occurredAt) {

    public RecordRestorativeJusticeStepCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new RecordRestorativeJusticeStepCommand(caseId, suspectId, step, detail, occurredAt);
    }
}
