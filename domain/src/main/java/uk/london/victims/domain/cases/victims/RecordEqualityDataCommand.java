package uk.london.victims.domain.cases.victims;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.AgeBand;
import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.DisabilityStatus;
import uk.london.victims.domain.cases.EthnicGroup;
import uk.london.victims.domain.cases.Sex;
import uk.london.victims.domain.people.PersonId;

/** The victim's optional, self-declared equality data. */
public record RecordEqualityDataCommand(@TargetAggregateIdentifier CaseId caseId,
                                        PersonId victimId,
                                        AgeBand ageBand,
                                        Sex sex,
                                        EthnicGroup ethnicGroup,
                                        DisabilityStatus disability,
                                        Instant occurredAt) implements CaseCommand {
}
