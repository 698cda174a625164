package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

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
