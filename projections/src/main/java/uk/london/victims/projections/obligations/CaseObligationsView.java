package uk.london.victims.projections.obligations;

import java.time.Instant;
import java.util.List;

import uk.london.victims.domain.code.Obligation;

/**
 * @param version the case's last event the obligation ledger has applied (the obligations follow the events a
 *                moment later, as the timeline does)
 */
public record CaseObligationsView(String caseId, Instant asOf, List<Obligation> obligations, long version) {
}
