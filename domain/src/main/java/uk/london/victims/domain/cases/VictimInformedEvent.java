package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/** Someone told the victim something: who, by which channel, when, about which event. */
@Revision("1")
public record VictimInformedEvent(CaseId caseId, PersonId victimId, Long aboutSequence, String informedAbout, ContactChannel channel, String informedBy,
                                  Instant occurredAt) {
}
