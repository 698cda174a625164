package uk.london.victims.domain.cases.victims;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.Agency;
import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.people.PersonId;

/** The victim asked the agency now responsible for the case for an update. */
public record RequestUpdateCommand(@TargetAggregateIdentifier CaseId caseId,
                                   PersonId victimId,
                                   Agency agency,
                                   Instant occurredAt) implements CaseCommand {
}
