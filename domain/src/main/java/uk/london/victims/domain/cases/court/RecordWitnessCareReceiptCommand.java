package uk.london.victims.domain.cases.court;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;

/**
 * The Witness Care Unit received information from the court or CPS; the victim's clock starts here.
 *
 * @param aboutSequence the court or CPS event it received (its sequence number on the case)
 */
public record RecordWitnessCareReceiptCommand(@TargetAggregateIdentifier CaseId caseId,
                                              Long aboutSequence,
                                              String information,
                                              Instant occurredAt) implements CaseCommand {
}
