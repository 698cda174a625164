package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The suspect was arrested. */
@Revision("1")
public record SuspectArrestedEvent(CaseId caseId,
                                   SuspectId suspectId,
                                   Instant occurredAt) {
}
