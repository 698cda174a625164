package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The police sent the file on the suspect to the CPS for a charging decision. */
public record SendFileToCpsCommand(@TargetAggregateIdentifier CaseId caseId,
                                   SuspectId suspectId,
                                   Instant occurredAt) implements CaseCommand {
}
