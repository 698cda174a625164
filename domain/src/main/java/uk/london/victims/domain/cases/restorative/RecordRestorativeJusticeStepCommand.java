package uk.london.victims.domain.cases.restorative;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.RestorativeJusticeStep;
import uk.london.victims.domain.cases.SuspectId;

/** A step of restorative justice between the victim and an offender who has admitted guilt. */
public record RecordRestorativeJusticeStepCommand(@TargetAggregateIdentifier CaseId caseId,
                                                  SuspectId suspectId,
                                                  RestorativeJusticeStep step,
                                                  String detail,
                                                  Instant occurredAt) implements CaseCommand {
}
