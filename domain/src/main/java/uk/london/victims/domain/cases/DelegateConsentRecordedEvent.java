package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/** The victim's consent for a delegate, given or withdrawn: the latest one counts. */
@Revision("1")
public record DelegateConsentRecordedEvent(CaseId caseId, PersonId delegateId, PersonId victimId, boolean consentGiven,
                                           Instant occurredAt) {
}
