package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A filed, closed or not-investigated case was reopened. */
@Revision("1")
public record CaseReopenedEvent(CaseId caseId,
                                String reason,
                                Instant occurredAt) {
}
