package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.victims.GrantEnhancedRightsByDiscretionCommand;
import uk.london.victims.domain.people.PersonId;

/** Body of: Give the victim enhanced rights at the agency's discretion (2020 Code), with the reason. */
public record GrantEnhancedRightsByDiscretionRequest(String reason, Instant occurredAt) {

    public GrantEnhancedRightsByDiscretionCommand toCommand(CaseId caseId, PersonId victimId) {
        return new GrantEnhancedRightsByDiscretionCommand(caseId, victimId, reason, occurredAt);
    }
}
