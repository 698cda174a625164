package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/** The victim asked for a decision not to charge, or to stop a prosecution, to be reviewed. */
@Revision("1")
public record DecisionReviewRequestedEvent(CaseId caseId,
                                           PersonId victimId,
                                           SuspectId suspectId,
                                           ReviewableDecision decision,
                                           Instant occurredAt) {
}
