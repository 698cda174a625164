package uk.london.victims.domain.cases.investigation;

import java.time.Instant;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.HateStrand;
import uk.london.victims.domain.cases.OffenceCategory;
import uk.london.victims.domain.cases.PriorityFlag;

/** The crime was recorded again under another offence or priority groups; history keeps both. */
public record ReclassifyCrimeCommand(@TargetAggregateIdentifier CaseId caseId,
                                     OffenceCategory offence,
                                     Set<PriorityFlag> priorityFlags,
                                     Set<HateStrand> hateStrands,
                                     String reason,
                                     Instant occurredAt) implements CaseCommand {
}
