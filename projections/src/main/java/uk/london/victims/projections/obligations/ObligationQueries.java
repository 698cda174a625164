package uk.london.victims.projections.obligations;

import java.util.List;

import org.bson.Document;

import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.projections.support.CaseFactDocuments;

/**
 * The timeline's entries as the rule engine's facts. The obligations themselves are answered from the
 * obligation ledger ({@code projections.ledger}); this conversion remains for the Plan's measures.
 */
public final class ObligationQueries {

    private ObligationQueries() {
    }

    /** Sealed values are never opened here. */
    public static List<CaseFact> facts(Document timeline) {
        return timeline.getList("entries", Document.class).stream().map(CaseFactDocuments::fact).toList();
    }
}
