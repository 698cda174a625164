package uk.london.victims.domain.cases.investigation;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;

/** The suspect's bail conditions changed. */
public record ChangeBailConditionsCommand(@TargetAggregateIdentifier CaseId caseId,
                                          SuspectId suspectId,
                                          List<String> conditions,
                                          Instant occurredAt) implements CaseCommand {
}
