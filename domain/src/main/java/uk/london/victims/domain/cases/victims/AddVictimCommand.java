package uk.london.victims.domain.cases.victims;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.VictimKind;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/** A person became a victim in the case; their personal details are sealed (see PersonalDataVault). */
public record AddVictimCommand(@TargetAggregateIdentifier CaseId caseId,
                               PersonId victimId,
                               VictimKind kind,
                               Sealed personalDetails,
                               boolean under18AtOffence,
                               Instant occurredAt) implements CaseCommand {
}
