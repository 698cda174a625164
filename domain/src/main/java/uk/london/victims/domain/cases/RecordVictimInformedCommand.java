package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that someone told the victim something: the evidence every Victims' Code right rests on. */
public record RecordVictimInformedCommand(@TargetAggregateIdentifier CaseId caseId, String informedAbout,
                                          ContactChannel channel, String informedBy, Instant occurredAt) implements CaseCommand {
}
