package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The investigation ended with no one charged; the case may be reopened. */
@Revision("1")
public record CaseFiledEvent(CaseId caseId,
                             String reason,
                             Instant occurredAt) {
}
