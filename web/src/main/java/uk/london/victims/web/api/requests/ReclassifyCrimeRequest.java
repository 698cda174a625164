package uk.london.victims.web.api.requests;

import java.time.Instant;
import java.util.Set;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.HateStrand;
import uk.london.victims.domain.cases.OffenceCategory;
import uk.london.victims.domain.cases.PriorityFlag;
import uk.london.victims.domain.cases.investigation.ReclassifyCrimeCommand;

/** Body of: Reclassify the crime. */
public record ReclassifyCrimeRequest(OffenceCategory offence,
                                     Set<PriorityFlag> priorityFlags,
                                     Set<HateStrand> hateStrands,
                                     String reason,
                                     Instant occurredAt) {

    public ReclassifyCrimeCommand toCommand(CaseId caseId) {
        return new ReclassifyCrimeCommand(caseId, offence, priorityFlags, hateStrands, reason, occurredAt);
    }
}
