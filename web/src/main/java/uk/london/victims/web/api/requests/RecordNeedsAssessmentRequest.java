package uk.london.victims.web.api.requests;

import java.time.Instant;
import java.util.Set;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.EnhancedRightsReason;
import uk.london.victims.domain.cases.victims.RecordNeedsAssessmentCommand;
import uk.london.victims.domain.people.PersonId;

/** Body of: Record a needs assessment (enhanced-rights gateway). */
public record RecordNeedsAssessmentRequest(Set<EnhancedRightsReason> enhancedRightsReasons,
                                           boolean interpreterNeeded,
                                           String language,
                                           Instant occurredAt) {

    public RecordNeedsAssessmentCommand toCommand(CaseId caseId, PersonId victimId) {
        return new RecordNeedsAssessmentCommand(caseId, victimId, enhancedRightsReasons, interpreterNeeded, language, occurredAt);
    }
}
