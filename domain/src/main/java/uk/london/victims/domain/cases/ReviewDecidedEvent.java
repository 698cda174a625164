package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/** The police or CPS decided the victim's request for a review. */
@Revision("1")
public record ReviewDecidedEvent(CaseId caseId,
                                 PersonId victimId,
                                 SuspectId suspectId,
                                 ReviewOutcome outcome,
                                 String reason,
                                 Instant occurredAt) {
}
