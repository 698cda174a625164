package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/** A step of the Victim Personal Statement. */
@Revision("1")
public record VictimPersonalStatementRecordedEvent(CaseId caseId,
                                                   PersonId victimId,
                                                   VictimPersonalStatementStep step,
                                                   Boolean wishesToReadInCourt,
                                                   Instant occurredAt) {
}
