package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** An officer became the officer in the case (first assignment or change). */
@Revision("1")
public record OfficerAssignedEvent(CaseId caseId,
                                   String officerId,
                                   String unit,
                                   Instant occurredAt) {
}
