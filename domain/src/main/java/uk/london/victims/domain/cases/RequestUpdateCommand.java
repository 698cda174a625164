package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.people.PersonId;

/** The victim asked the agency now responsible for the case for an update. */
public record RequestUpdateCommand(@TargetAggregateIdentifier CaseId caseId,
                                   PersonId victimId,
                                   Agency agency,
                                   Instant occurredAt) implements CaseCommand {
}
