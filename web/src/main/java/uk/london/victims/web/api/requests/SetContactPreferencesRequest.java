package uk.london.victims.web.api.requests;

import java.time.Instant;
import java.util.Set;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.cases.victims.SetContactPreferencesCommand;
import uk.london.victims.domain.people.PersonId;

/** Body of: Set how the victim is contacted, and how not. */
public record SetContactPreferencesRequest(Set<ContactChannel> channels,
                                           Set<ContactChannel> unsafeChannels,
                                           boolean declinedUpdates,
                                           Integer updateIntervalDays,
                                           Instant occurredAt) {

    public SetContactPreferencesCommand toCommand(CaseId caseId, PersonId victimId) {
        return new SetContactPreferencesCommand(caseId, victimId, channels, unsafeChannels, declinedUpdates, updateIntervalDays, occurredAt);
    }
}
