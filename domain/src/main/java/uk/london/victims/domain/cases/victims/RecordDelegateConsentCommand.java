package uk.london.victims.domain.cases.victims;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.people.PersonId;

/** The victim gave (or withdrew) consent for their delegate to follow the case. */
public record RecordDelegateConsentCommand(@TargetAggregateIdentifier CaseId caseId,
                                           PersonId delegateId,
                                           boolean consentGiven,
                                           Instant occurredAt) implements CaseCommand {
}
