package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.VictimPersonalStatementStep;
import uk.london.victims.domain.cases.victims.RecordVictimPersonalStatementCommand;
import uk.london.victims.domain.people.PersonId;

/** Body of: Record a Victim Personal Statement step. */
public record RecordVictimPersonalStatementRequest(VictimPersonalStatementStep step,
                                                   Boolean wishesToReadInCourt,
                                                   Instant occurredAt) {

    public RecordVictimPersonalStatementCommand toCommand(CaseId caseId, PersonId victimId) {
        return new RecordVictimPersonalStatementCommand(caseId, victimId, step, wishesToReadInCourt, occurredAt);
    }
}
