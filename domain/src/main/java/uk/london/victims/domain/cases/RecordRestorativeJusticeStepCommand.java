package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A step of restorative justice between the victim and an offender who has admitted guilt. */
public record RecordRestorativeJusticeStepCommand(@TargetAggregateIdentifier CaseId caseId,
                                                  SuspectId suspectId,
                                                  RestorativeJusticeStep step,
                                                  String detail,
                                                  Instant occurredAt) implements CaseCommand {
}
