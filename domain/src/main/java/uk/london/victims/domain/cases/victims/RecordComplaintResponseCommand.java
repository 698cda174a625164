package uk.london.victims.domain.cases.victims;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ComplaintStep;
import uk.london.victims.domain.people.PersonId;

/** The agency acknowledged, answered or escalated a complaint. */
public record RecordComplaintResponseCommand(@TargetAggregateIdentifier CaseId caseId,
                                             PersonId victimId,
                                             String complaintId,
                                             ComplaintStep step,
                                             Instant occurredAt) implements CaseCommand {
}
