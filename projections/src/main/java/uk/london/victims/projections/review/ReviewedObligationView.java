package uk.london.victims.projections.review;

import uk.london.victims.domain.code.Obligation;

/**
 * One obligation behind a figure, with the case it belongs to (victims appear by their opaque id only) and where
 * the case is: its borough's code and its Basic Command Unit's name, as counted.
 */
public record ReviewedObligationView(String caseId, Obligation obligation, String borough, String bcu) {

    public ReviewedObligationView(String caseId, Obligation obligation) {
        this(caseId, obligation, null, null);
    }
}
