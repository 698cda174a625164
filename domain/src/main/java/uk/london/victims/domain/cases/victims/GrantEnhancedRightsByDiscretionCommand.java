package uk.london.victims.domain.cases.victims;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.people.PersonId;

/** Give a victim enhanced rights at the agency's discretion (2020 Code), saying why. */
public record GrantEnhancedRightsByDiscretionCommand(@TargetAggregateIdentifier CaseId caseId,
                                                     PersonId victimId,
                                                     String reason,
                                                     Instant occurredAt) implements CaseCommand {
}
