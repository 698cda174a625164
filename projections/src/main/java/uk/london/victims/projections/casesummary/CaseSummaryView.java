package uk.london.victims.projections.casesummary;

import java.time.Instant;
import java.util.List;

/**
 * A case at a glance, as agencies list and search it. No personal details: victims appear as counts.
 *
 * @param bcu   the Basic Command Unit of the borough, which decides which police staff may see the case
 * @param units the agency units that have recorded something on the case (they may see it too)
 */
public record CaseSummaryView(String caseId, String status, String reportChannel, Instant reportedAt,
                              String crimeReference, String offence, String borough, String bcu,
                              List<String> priorityFlags, String officerId, String officerUnit, List<String> units,
                              int victims, int suspects, int victimContacts, Instant lastVictimContactAt, long version) {
}
