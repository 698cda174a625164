package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.victims.RecordSupportReferralCommand;
import uk.london.victims.domain.people.PersonId;

/** Body of: Record consent to, and referral to, support services. */
public record RecordSupportReferralRequest(boolean consentGiven,
                                           String service,
                                           Instant occurredAt) {

    public RecordSupportReferralCommand toCommand(CaseId caseId, PersonId victimId) {
        return new RecordSupportReferralCommand(caseId, victimId, consentGiven, service, occurredAt);
    }
}
