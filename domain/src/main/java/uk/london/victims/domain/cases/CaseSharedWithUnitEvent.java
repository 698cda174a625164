package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Another unit was brought into the case: it sees the case and may record on it. */
@Revision("1")
public record CaseSharedWithUnitEvent(CaseId caseId,
                                      String unit,
                                      Instant occurredAt) {
}
