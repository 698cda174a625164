package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A suspect was identified (by reference only). */
@Revision("1")
public record SuspectIdentifiedEvent(CaseId caseId,
                                     SuspectId suspectId,
                                     Instant occurredAt) {
}
