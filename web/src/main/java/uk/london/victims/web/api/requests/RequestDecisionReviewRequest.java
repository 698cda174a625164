package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ReviewableDecision;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.prosecution.RequestDecisionReviewCommand;
import uk.london.victims.domain.people.PersonId;

/** Body of: Record the victim's request to review a decision. */
public record RequestDecisionReviewRequest(PersonId victimId,
                                           ReviewableDecision decision,
                                           Instant occurredAt) {

    public RequestDecisionReviewCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new RequestDecisionReviewCommand(caseId, victimId, suspectId, decision, occurredAt);
    }
}
