package uk.london.victims.domain.cases.court;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.AppealAgainst;
import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;

/** An appeal against conviction or sentence was lodged. */
public record LodgeAppealCommand(@TargetAggregateIdentifier CaseId caseId,
                                 SuspectId suspectId,
                                 AppealAgainst against,
                                 Instant occurredAt) implements CaseCommand {
}
