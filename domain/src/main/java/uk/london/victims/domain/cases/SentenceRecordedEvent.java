package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/** The sentence passed on a convicted defendant. */
@Revision("1")
public record SentenceRecordedEvent(CaseId caseId,
                                    SuspectId suspectId,
                                    SentenceType sentence,
                                    Integer lengthMonths,
                                    List<String> ancillaryOrders,
                                    Instant occurredAt) {
}
