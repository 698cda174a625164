package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.Set;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.geography.Borough;

/** The police recorded the report as a crime. */
@Revision("1")
public record CrimeRecordedEvent(CaseId caseId,
                                 String crimeReference,
                                 OffenceCategory offence,
                                 Borough borough,
                                 Set<PriorityFlag> priorityFlags,
                                 Set<HateStrand> hateStrands,
                                 Instant occurredAt) {
}
