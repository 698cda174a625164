package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.people.PersonId;

/** Records that someone told the victim something: the evidence every Victims' Code right rests on. */
public record RecordVictimInformedCommand(@TargetAggregateIdentifier CaseId caseId, PersonId victimId, String informedAbout,
                                          ContactChannel channel, String informedBy, Instant occurredAt) implements CaseCommand {
}
