package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The police decided not to investigate; the victim is owed the reason. */
@Revision("1")
public record CrimeNotInvestigatedEvent(CaseId caseId,
                                        String reason,
                                        Instant occurredAt) {
}
