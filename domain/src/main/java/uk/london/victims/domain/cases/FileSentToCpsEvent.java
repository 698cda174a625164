package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The police sent the file on the suspect to the CPS for a charging decision. */
@Revision("1")
public record FileSentToCpsEvent(CaseId caseId,
                                 SuspectId suspectId,
                                 Instant occurredAt) {
}
