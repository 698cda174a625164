package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The suspect's bail was cancelled. */
@Revision("1")
public record BailCancelledEvent(CaseId caseId,
                                 SuspectId suspectId,
                                 String reason,
                                 Instant occurredAt) {
}
