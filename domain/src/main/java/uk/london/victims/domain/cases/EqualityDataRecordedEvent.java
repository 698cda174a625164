package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import uk.london.victims.domain.people.PersonId;

/** The victim's optional, self-declared equality data. */
@Revision("1")
public record EqualityDataRecordedEvent(CaseId caseId,
                                        PersonId victimId,
                                        AgeBand ageBand,
                                        Sex sex,
                                        EthnicGroup ethnicGroup,
                                        DisabilityStatus disability,
                                        Instant occurredAt) {
}
