package uk.london.victims.domain.cases.victims;

import java.time.Instant;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.EnhancedRightsReason;
import uk.london.victims.domain.people.PersonId;

/** The victim's needs were assessed; any enhanced-rights reason makes them a priority victim from now on. */
public record RecordNeedsAssessmentCommand(@TargetAggregateIdentifier CaseId caseId,
                                           PersonId victimId,
                                           Set<EnhancedRightsReason> enhancedRightsReasons,
                                           boolean interpreterNeeded,
                                           String language,
                                           Instant occurredAt) implements CaseCommand {
}
