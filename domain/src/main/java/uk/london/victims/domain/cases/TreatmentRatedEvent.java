package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/** A victim's answer to the one-question survey for a stage: 1 (very poorly) to 5 (very well). */
@Revision("1")
public record TreatmentRatedEvent(CaseId caseId, PersonId victimId, ServiceStage stage, int rating, Instant occurredAt) {
}
