package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.prosecution.OfferNoEvidenceCommand;

/** Body of: Record that no evidence was offered. */
public record OfferNoEvidenceRequest(String reason,
                                     Instant occurredAt) {

    public OfferNoEvidenceCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new OfferNoEvidenceCommand(caseId, suspectId, reason, occurredAt);
    }
}
