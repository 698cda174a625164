package uk.london.victims.domain.cases.victims;

import java.time.Instant;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.people.PersonId;

/** How the victim wants to be kept informed, and how they must not be contacted. */
public record SetContactPreferencesCommand(@TargetAggregateIdentifier CaseId caseId,
                                           PersonId victimId,
                                           Set<ContactChannel> channels,
                                           Set<ContactChannel> unsafeChannels,
                                           boolean declinedUpdates,
                                           Integer updateIntervalDays,
                                           Instant occurredAt) implements CaseCommand {
}
