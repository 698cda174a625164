package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The CPS substantially changed a charge. */
public record ChangeChargeSubstantiallyCommand(@TargetAggregateIdentifier CaseId caseId,
                                               SuspectId suspectId,
                                               List<String> charges,
                                               String reason,
                                               Instant occurredAt) implements CaseCommand {
}
