package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.Set;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/** How the victim wants to be kept informed, and how they must not be contacted. */
@Revision("1")
public record ContactPreferencesSetEvent(CaseId caseId,
                                         PersonId victimId,
                                         Set<ContactChannel> channels,
                                         Set<ContactChannel> unsafeChannels,
                                         boolean declinedUpdates,
                                         Integer updateIntervalDays,
                                         Instant occurredAt) {
}
