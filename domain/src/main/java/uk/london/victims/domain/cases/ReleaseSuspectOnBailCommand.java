package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The suspect was released on police bail. */
public record ReleaseSuspectOnBailCommand(@TargetAggregateIdentifier CaseId caseId,
                                          SuspectId suspectId,
                                          List<String> conditions,
                                          Instant occurredAt) implements CaseCommand {
}
