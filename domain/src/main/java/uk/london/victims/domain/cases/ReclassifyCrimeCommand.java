package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The crime was recorded again under another offence or priority groups; history keeps both. */
public record ReclassifyCrimeCommand(@TargetAggregateIdentifier CaseId caseId,
                                     OffenceCategory offence,
                                     Set<PriorityFlag> priorityFlags,
                                     Set<HateStrand> hateStrands,
                                     String reason,
                                     Instant occurredAt) implements CaseCommand {
}
