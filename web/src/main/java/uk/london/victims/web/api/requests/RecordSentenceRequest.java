package uk.london.victims.web.api.requests;

import java.time.Instant;
import java.util.List;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SentenceType;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.court.RecordSentenceCommand;

/** Body of: Record the sentence. */
public record RecordSentenceRequest(SentenceType sentence,
                                    Integer lengthMonths,
                                    List<String> ancillaryOrders,
                                    Instant occurredAt) {

    public RecordSentenceCommand toCommand(CaseId caseId, SuspectId suspectId) {
        return new RecordSentenceCommand(caseId, suspectId, sentence, lengthMonths, ancillaryOrders, occurredAt);
    }
}
