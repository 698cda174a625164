package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.AppealAgainst;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.court.LodgeAppealCommand;

/** Body of: Record an appeal lodged. */
public record LodgeAppealRequest(AppealAgainst against,
                                 Instant occurredAt) {

    public LodgeAppealCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new LodgeAppealCommand(caseId, suspectId, against, occurredAt);
    }
}
