package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** An appeal against conviction or sentence was lodged. */
@Revision("1")
public record AppealLodgedEvent(CaseId caseId,
                                SuspectId suspectId,
                                AppealAgainst against,
                                Instant occurredAt) {
}
