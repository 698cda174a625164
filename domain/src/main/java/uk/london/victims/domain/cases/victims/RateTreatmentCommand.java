package uk.london.victims.domain.cases.victims;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ServiceStage;
import uk.london.victims.domain.people.PersonId;

/** The victim answered "how well were you treated?" for one stage, from 1 (very poorly) to 5 (very well). */
public record RateTreatmentCommand(@TargetAggregateIdentifier CaseId caseId,
                                   PersonId victimId,
                                   ServiceStage stage,
                                   int rating,
                                   Instant occurredAt) implements CaseCommand {
}
