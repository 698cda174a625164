package uk.london.victims.domain.cases.victims;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.Agency;
import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/** The victim wrote to the agency concerned (usually the officer in the case); the text is sealed. */
public record SendMessageCommand(@TargetAggregateIdentifier CaseId caseId,
                                 PersonId victimId,
                                 String messageId,
                                 Agency agency,
                                 Sealed text,
                                 Instant occurredAt) implements CaseCommand {
}
