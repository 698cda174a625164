package uk.london.victims.domain.cases.prosecution;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ChargingDecision;
import uk.london.victims.domain.cases.SuspectId;

/** The CPS decided whether to charge. */
public record RecordChargingDecisionCommand(@TargetAggregateIdentifier CaseId caseId,
                                            SuspectId suspectId,
                                            ChargingDecision decision,
                                            List<String> charges,
                                            String reason,
                                            Instant occurredAt) implements CaseCommand {
}
