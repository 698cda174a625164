package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The CPS offered no evidence, ending the prosecution. */
public record OfferNoEvidenceCommand(@TargetAggregateIdentifier CaseId caseId,
                                     SuspectId suspectId,
                                     String reason,
                                     Instant occurredAt) implements CaseCommand {
}
