package uk.london.victims.domain.cases.prosecution;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SuspectId;

/** The police sent the file on the suspect to the CPS for a charging decision. */
public record SendFileToCpsCommand(@TargetAggregateIdentifier CaseId caseId,
                                   SuspectId suspectId,
                                   Instant occurredAt) implements CaseCommand {
}
