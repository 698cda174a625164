package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.VictimContactSchemeStep;
import uk.london.victims.domain.cases.victims.RecordVictimContactSchemeCommand;
import uk.london.victims.domain.people.PersonId;

/** Body of: Record a Victim Contact Scheme step. */
public record RecordVictimContactSchemeRequest(SuspectId suspectId,
                                               VictimContactSchemeStep step,
                                               Instant occurredAt) {

    public RecordVictimContactSchemeCommand toCommand(CaseId caseId, PersonId victimId) {
        return new RecordVictimContactSchemeCommand(caseId, victimId, suspectId, step, occurredAt);
    }
}
