package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/** The agency acknowledged, answered or escalated a complaint. */
@Revision("1")
public record ComplaintResponseRecordedEvent(CaseId caseId,
                                             PersonId victimId,
                                             String complaintId,
                                             ComplaintStep step,
                                             Instant occurredAt) {
}
