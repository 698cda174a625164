package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The CPS offered no evidence, ending the prosecution. */
@Revision("1")
public record NoEvidenceOfferedEvent(CaseId caseId,
                                     SuspectId suspectId,
                                     String reason,
                                     Instant occurredAt) {
}
