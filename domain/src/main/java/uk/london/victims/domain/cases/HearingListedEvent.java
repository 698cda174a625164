package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A court hearing was listed. */
@Revision("1")
public record HearingListedEvent(CaseId caseId,
                                 HearingId hearingId,
                                 SuspectId suspectId,
                                 String court,
                                 Instant scheduledFor,
                                 HearingType type,
                                 Instant occurredAt) {
}
