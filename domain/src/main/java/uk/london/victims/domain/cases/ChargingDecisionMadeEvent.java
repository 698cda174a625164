package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/** The CPS decided whether to charge. */
@Revision("1")
public record ChargingDecisionMadeEvent(CaseId caseId,
                                        SuspectId suspectId,
                                        ChargingDecision decision,
                                        List<String> charges,
                                        String reason,
                                        Instant occurredAt) {
}
