package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/** The suspect's bail conditions changed. */
@Revision("1")
public record BailConditionsChangedEvent(CaseId caseId,
                                         SuspectId suspectId,
                                         List<String> conditions,
                                         Instant occurredAt) {
}
