package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The CPS stopped the prosecution. */
@Revision("1")
public record ProsecutionDiscontinuedEvent(CaseId caseId,
                                           SuspectId suspectId,
                                           String reason,
                                           Instant occurredAt) {
}
