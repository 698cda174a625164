package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ReviewOutcome;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.prosecution.RecordReviewDecisionCommand;
import uk.london.victims.domain.people.PersonId;

/** Body of: Record the outcome of a review. */
public record RecordReviewDecisionRequest(PersonId victimId,
                                          ReviewOutcome outcome,
                                          String reason,
                                          Instant occurredAt) {

    public RecordReviewDecisionCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new RecordReviewDecisionCommand(caseId, victimId, suspectId, outcome, reason, occurredAt);
    }
}
