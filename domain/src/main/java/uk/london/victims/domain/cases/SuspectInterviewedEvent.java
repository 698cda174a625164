package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The suspect was interviewed under caution. */
@Revision("1")
public record SuspectInterviewedEvent(CaseId caseId,
                                      SuspectId suspectId,
                                      boolean admittedOffence,
                                      Instant occurredAt) {
}
