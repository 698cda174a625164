package uk.london.victims.domain.cases.investigation;

import java.time.Instant;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.HateStrand;
import uk.london.victims.domain.cases.OffenceCategory;
import uk.london.victims.domain.cases.PriorityFlag;
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
