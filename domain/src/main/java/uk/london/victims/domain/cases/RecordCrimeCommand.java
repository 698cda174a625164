package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.geography.Borough;

/** The police recorded the report as a crime. */
public record RecordCrimeCommand(@TargetAggregateIdentifier CaseId caseId,
                                 String crimeReference,
                                 OffenceCategory offence,
                                 Borough borough,
                                 Set<PriorityFlag> priorityFlags,
                                 Set<HateStrand> hateStrands,
                                 Instant occurredAt) implements CaseCommand {
}
