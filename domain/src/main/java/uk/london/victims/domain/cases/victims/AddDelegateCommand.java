package uk.london.victims.domain.cases.victims;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.DelegateRole;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/** Someone who will follow the case for a victim; they may do so only while the victim's consent is recorded. */
public record AddDelegateCommand(@TargetAggregateIdentifier CaseId caseId,
                                 PersonId delegateId,
                                 PersonId victimId,
                                 DelegateRole role,
                                 Sealed personalDetails,
                                 Instant occurredAt) implements CaseCommand {
}
