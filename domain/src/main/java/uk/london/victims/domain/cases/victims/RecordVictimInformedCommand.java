package uk.london.victims.domain.cases.victims;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.people.PersonId;

/**
 * Records that someone told the victim something: the evidence every Victims' Code right rests on.
 *
 * @param aboutSequence the case event the victim was told about (its sequence number), when it was about one
 * @param informedAbout what they were told, in a few words
 */
public record RecordVictimInformedCommand(@TargetAggregateIdentifier CaseId caseId, PersonId victimId, Long aboutSequence, String informedAbout,
                                          ContactChannel channel, String informedBy, Instant occurredAt) implements CaseCommand {
}
