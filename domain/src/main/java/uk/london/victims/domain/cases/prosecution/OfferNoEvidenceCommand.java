package uk.london.victims.domain.cases.prosecution;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;

/** The CPS offered no evidence, ending the prosecution. */
public record OfferNoEvidenceCommand(@TargetAggregateIdentifier CaseId caseId,
                                     SuspectId suspectId,
                                     String reason,
                                     Instant occurredAt) implements CaseCommand {
}
