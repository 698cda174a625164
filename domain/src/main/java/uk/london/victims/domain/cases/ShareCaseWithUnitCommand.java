package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The owning BCU (or a supervisor) brings another agency's unit into the case, such as the CPS area or
 * Witness Care Unit that will work on it: from then on that unit sees the case and may record on it.
 */
public record ShareCaseWithUnitCommand(@TargetAggregateIdentifier CaseId caseId,
                                       String unit,
                                       Instant occurredAt) implements CaseCommand {
}
