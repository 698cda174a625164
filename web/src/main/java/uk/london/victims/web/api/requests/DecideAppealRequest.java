package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.AppealOutcome;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.court.DecideAppealCommand;

/** Body of: Record an appeal decided. */
public record DecideAppealRequest(AppealOutcome outcome,
                                  Instant occurredAt) {

    public DecideAppealCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new DecideAppealCommand(caseId, suspectId, outcome, occurredAt);
    }
}
