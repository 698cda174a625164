package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The case was closed. */
@Revision("1")
public record CaseClosedEvent(CaseId caseId,
                              String reason,
                              Instant occurredAt) {
}
