package uk.london.victims.projections.review;

import uk.london.victims.domain.code.Obligation;

/** One obligation behind a figure, with the case it belongs to (victims appear by their opaque id only). */
public record ReviewedObligationView(String caseId, Obligation obligation) {
}
