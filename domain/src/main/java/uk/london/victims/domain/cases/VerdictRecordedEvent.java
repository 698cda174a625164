package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The court's verdict on a defendant. */
@Revision("1")
public record VerdictRecordedEvent(CaseId caseId,
                                   SuspectId suspectId,
                                   Verdict verdict,
                                   Instant occurredAt) {
}
