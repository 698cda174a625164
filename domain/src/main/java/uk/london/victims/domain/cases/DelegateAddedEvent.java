package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/** A delegate was named for a victim; without consent recorded they can see nothing. */
@Revision("1")
public record DelegateAddedEvent(CaseId caseId, PersonId delegateId, PersonId victimId, DelegateRole role,
                                 Sealed personalDetails, Instant occurredAt) {
}
