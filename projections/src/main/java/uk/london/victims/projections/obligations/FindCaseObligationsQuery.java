package uk.london.victims.projections.obligations;

import java.time.Instant;

/** A case's obligations as they stood at {@code asOf}: only what had been recorded by then counts. */
public record FindCaseObligationsQuery(String caseId, Instant asOf) {
}
