package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/** The victim asked an agency for an update; it starts a clock the agency sees in its work list. */
@Revision("1")
public record UpdateRequestedEvent(CaseId caseId, PersonId victimId, Agency agency, Instant occurredAt) {
}
