package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An appeal against conviction or sentence was lodged. */
public record LodgeAppealCommand(@TargetAggregateIdentifier CaseId caseId,
                                 SuspectId suspectId,
                                 AppealAgainst against,
                                 Instant occurredAt) implements CaseCommand {
}
