package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.Set;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/** The victim's needs were assessed; any enhanced-rights reason makes them a priority victim from now on. */
@Revision("1")
public record NeedsAssessedEvent(CaseId caseId,
                                 PersonId victimId,
                                 Set<EnhancedRightsReason> enhancedRightsReasons,
                                 boolean interpreterNeeded,
                                 String language,
                                 Instant occurredAt) {
}
