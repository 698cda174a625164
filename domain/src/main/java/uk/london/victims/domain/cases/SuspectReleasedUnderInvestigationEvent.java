package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The suspect was released under investigation, without bail. */
@Revision("1")
public record SuspectReleasedUnderInvestigationEvent(CaseId caseId,
                                                     SuspectId suspectId,
                                                     Instant occurredAt) {
}
