package uk.london.victims.projections.obligations;

import java.time.Instant;
import java.util.List;

import uk.london.victims.domain.code.Obligation;

public record CaseObligationsView(String caseId, Instant asOf, List<Obligation> obligations) {
}
