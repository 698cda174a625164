package uk.london.victims.domain.cases.prosecution;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ReviewableDecision;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.people.PersonId;

/** The victim asked for a decision not to charge, or to stop a prosecution, to be reviewed. */
public record RequestDecisionReviewCommand(@TargetAggregateIdentifier CaseId caseId,
                                           PersonId victimId,
                                           SuspectId suspectId,
                                           ReviewableDecision decision,
                                           Instant occurredAt) implements CaseCommand {
}
