package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/**
 * An agency used the 2020 Code's discretion to give enhanced rights to a victim outside its categories, with
 * the reason. Under an edition without that discretion the rule data ignores it.
 */
@Revision("1")
public record EnhancedRightsGrantedByDiscretionEvent(CaseId caseId,
                                                     PersonId victimId,
                                                     String reason,
                                                     Instant occurredAt) {
}
