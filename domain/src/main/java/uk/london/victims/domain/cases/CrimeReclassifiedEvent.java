package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.Set;

import org.axonframework.serialization.Revision;

/** The crime was recorded again under another offence or priority groups; history keeps both. */
@Revision("1")
public record CrimeReclassifiedEvent(CaseId caseId,
                                     OffenceCategory offence,
                                     Set<PriorityFlag> priorityFlags,
                                     Set<HateStrand> hateStrands,
                                     String reason,
                                     Instant occurredAt) {
}
