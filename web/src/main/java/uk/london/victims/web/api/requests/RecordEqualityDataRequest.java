package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.AgeBand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.DisabilityStatus;
import uk.london.victims.domain.cases.EthnicGroup;
import uk.london.victims.domain.cases.Sex;
import uk.london.victims.domain.cases.victims.RecordEqualityDataCommand;
import uk.london.victims.domain.people.PersonId;

/** Body of: Record the victim's self-declared equality data. */
public record RecordEqualityDataRequest(AgeBand ageBand,
                                        Sex sex,
                                        EthnicGroup ethnicGroup,
                                        DisabilityStatus disability,
                                        Instant occurredAt) {

    public RecordEqualityDataCommand toCommand(CaseId caseId, PersonId victimId) {
        return new RecordEqualityDataCommand(caseId, victimId, ageBand, sex, ethnicGroup, disability, occurredAt);
    }
}
