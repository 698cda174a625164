package uk.london.victims.domain.cases.prosecution;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ReviewOutcome;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.people.PersonId;

/** The police or CPS decided the victim's request for a review. */
public record RecordReviewDecisionCommand(@TargetAggregateIdentifier CaseId caseId,
                                          PersonId victimId,
                                          SuspectId suspectId,
                                          ReviewOutcome outcome,
                                          String reason,
                                          Instant occurredAt) implements CaseCommand {
}
