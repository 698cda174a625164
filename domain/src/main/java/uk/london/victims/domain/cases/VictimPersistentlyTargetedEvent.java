package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/**
 * The victim is persistently targeted, a Victims' Code category with enhanced rights from now on: found
 * from their other cases (named, so the finding can be checked) or assessed by an officer (with the reason).
 */
@Revision("1")
public record VictimPersistentlyTargetedEvent(CaseId caseId,
                                              PersonId victimId,
                                              PersistentTargetingSource source,
                                              List<String> otherCaseIds,
                                              String reason,
                                              Instant occurredAt) {
}
