package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/** A person became a victim in the case; their personal details are sealed (see PersonalDataVault). */
@Revision("1")
public record VictimAddedEvent(CaseId caseId,
                               PersonId victimId,
                               VictimKind kind,
                               Sealed personalDetails,
                               boolean under18AtOffence,
                               Instant occurredAt) {
}
