package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record VictimInformedEvent(CaseId caseId, String informedAbout, ContactChannel channel, String informedBy,
                                  Instant occurredAt) {
}
