package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/** The police charged the suspect. */
@Revision("1")
public record SuspectChargedEvent(CaseId caseId,
                                  SuspectId suspectId,
                                  List<String> charges,
                                  Instant occurredAt) {
}
