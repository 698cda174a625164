package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/** The suspect was released on police bail. */
@Revision("1")
public record SuspectReleasedOnBailEvent(CaseId caseId,
                                         SuspectId suspectId,
                                         List<String> conditions,
                                         Instant occurredAt) {
}
