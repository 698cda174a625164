package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The Witness Care Unit received information from the court or CPS; the victim's clock starts here. */
public record RecordWitnessCareReceiptCommand(@TargetAggregateIdentifier CaseId caseId,
                                              HearingId hearingId,
                                              String information,
                                              Instant occurredAt) implements CaseCommand {
}
