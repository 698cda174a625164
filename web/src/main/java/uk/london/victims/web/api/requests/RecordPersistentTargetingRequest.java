package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.PersistentTargetingSource;
import uk.london.victims.domain.cases.victims.RecordPersistentTargetingCommand;
import uk.london.victims.domain.people.PersonId;

/**
 * Body of: Record an officer's assessment that the victim is persistently targeted. Findings from the victim's
 * other cases are made by the service itself, never through the API.
 */
public record RecordPersistentTargetingRequest(String reason, Instant occurredAt) {

    public RecordPersistentTargetingCommand toCommand(CaseId caseId, PersonId victimId) {
        return new RecordPersistentTargetingCommand(caseId, victimId, PersistentTargetingSource.OFFICER_ASSESSMENT, null, reason,
                occurredAt);
    }
}
