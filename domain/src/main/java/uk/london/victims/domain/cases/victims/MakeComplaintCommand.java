package uk.london.victims.domain.cases.victims;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.Agency;
import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/** The victim complained about an agency; the text is sealed under the victim. */
public record MakeComplaintCommand(@TargetAggregateIdentifier CaseId caseId,
                                   PersonId victimId,
                                   String complaintId,
                                   Agency agency,
                                   Sealed summary,
                                   Instant occurredAt) implements CaseCommand {
}
