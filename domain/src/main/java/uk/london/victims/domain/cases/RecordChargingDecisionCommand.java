package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The CPS decided whether to charge. */
public record RecordChargingDecisionCommand(@TargetAggregateIdentifier CaseId caseId,
                                            SuspectId suspectId,
                                            ChargingDecision decision,
                                            List<String> charges,
                                            String reason,
                                            Instant occurredAt) implements CaseCommand {
}
