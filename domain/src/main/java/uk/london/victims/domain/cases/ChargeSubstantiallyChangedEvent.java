package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/** The CPS substantially changed a charge. */
@Revision("1")
public record ChargeSubstantiallyChangedEvent(CaseId caseId,
                                              SuspectId suspectId,
                                              List<String> charges,
                                              String reason,
                                              Instant occurredAt) {
}
