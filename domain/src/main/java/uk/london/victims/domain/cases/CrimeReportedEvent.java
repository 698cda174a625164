package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

@Revision("1")
public record CrimeReportedEvent(CaseId caseId, ReportChannel channel, Instant occurredAt) {
}
