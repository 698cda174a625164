package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/** The victim wrote to an agency; the text is sealed under the victim, so erasing them erases it. */
@Revision("1")
public record MessageFromVictimEvent(CaseId caseId, PersonId victimId, String messageId, Agency agency, Sealed text,
                                     Instant occurredAt) {
}
