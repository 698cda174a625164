package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The police took no further action against the suspect. */
@Revision("1")
public record NoFurtherActionTakenEvent(CaseId caseId,
                                        SuspectId suspectId,
                                        String reason,
                                        Instant occurredAt) {
}
