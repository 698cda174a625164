package uk.london.victims.web.api.requests;

import java.time.Instant;
import java.util.Set;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.HateStrand;
import uk.london.victims.domain.cases.OffenceCategory;
import uk.london.victims.domain.cases.PriorityFlag;
import uk.london.victims.domain.cases.investigation.RecordCrimeCommand;
import uk.london.victims.domain.geography.Borough;

/** Body of: Record the report as a crime. */
public record RecordCrimeRequest(String crimeReference,
                                 OffenceCategory offence,
                                 Borough borough,
                                 Set<PriorityFlag> priorityFlags,
                                 Set<HateStrand> hateStrands,
                                 Instant occurredAt) {

    public RecordCrimeCommand toCommand(CaseId caseId) {
        return new RecordCrimeCommand(caseId, crimeReference, offence, borough, priorityFlags, hateStrands, occurredAt);
    }
}
