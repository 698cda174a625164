package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/** A step of the Victim Contact Scheme after sentence. */
@Revision("1")
public record VictimContactSchemeRecordedEvent(CaseId caseId,
                                               PersonId victimId,
                                               SuspectId suspectId,
                                               VictimContactSchemeStep step,
                                               Instant occurredAt) {
}
