package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.court.RecordWitnessCareReceiptCommand;

/** Body of: Record that Witness Care received court information. */
public record RecordWitnessCareReceiptRequest(Long aboutSequence,
                                              String information,
                                              Instant occurredAt) {

    public RecordWitnessCareReceiptCommand toCommand(CaseId caseId) {
        return new RecordWitnessCareReceiptCommand(caseId, aboutSequence, information, occurredAt);
    }
}
