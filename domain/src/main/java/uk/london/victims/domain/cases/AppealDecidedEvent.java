package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** An appeal was decided. */
@Revision("1")
public record AppealDecidedEvent(CaseId caseId,
                                 SuspectId suspectId,
                                 AppealOutcome outcome,
                                 Instant occurredAt) {
}
