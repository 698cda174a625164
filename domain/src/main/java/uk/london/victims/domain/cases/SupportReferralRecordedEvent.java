package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/** Consent to a referral to support services, and the referral if given. */
@Revision("1")
public record SupportReferralRecordedEvent(CaseId caseId,
                                           PersonId victimId,
                                           boolean consentGiven,
                                           String service,
                                           Instant occurredAt) {
}
