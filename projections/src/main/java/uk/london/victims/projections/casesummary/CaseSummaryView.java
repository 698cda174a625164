package uk.london.victims.projections.casesummary;

import java.time.Instant;

/** A case at a glance, as agencies list and search it. */
public record CaseSummaryView(String caseId, String status, String reportChannel, Instant reportedAt,
                              int victimContacts, Instant lastVictimContactAt, long version) {
}
