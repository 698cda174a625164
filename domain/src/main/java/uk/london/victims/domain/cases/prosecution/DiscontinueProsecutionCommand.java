package uk.london.victims.domain.cases.prosecution;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;

/** The CPS stopped the prosecution. */
public record DiscontinueProsecutionCommand(@TargetAggregateIdentifier CaseId caseId,
                                            SuspectId suspectId,
                                            String reason,
                                            Instant occurredAt) implements CaseCommand {
}
