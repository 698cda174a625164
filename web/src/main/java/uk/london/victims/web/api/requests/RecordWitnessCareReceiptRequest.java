package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.HearingId;
import uk.london.victims.domain.cases.RecordWitnessCareReceiptCommand;

/** Body of: Record that Witness Care received court information. */
public record RecordWitnessCareReceiptRequest(String information,
                                              Instant occurredAt) {

    public RecordWitnessCareReceiptCommand toCommand(CaseId caseId, HearingId hearingId) {
        return new RecordWitnessCareReceiptCommand(caseId, hearingId, information, occurredAt);
    }
}
