package uk.london.victims.domain.cases.victims;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.people.PersonId;

/** Consent to a referral to support services, and the referral if given. */
public record RecordSupportReferralCommand(@TargetAggregateIdentifier CaseId caseId,
                                           PersonId victimId,
                                           boolean consentGiven,
                                           String service,
                                           Instant occurredAt) implements CaseCommand {
}
