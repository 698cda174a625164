package uk.london.victims.domain.cases.victims;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.PersistentTargetingSource;
import uk.london.victims.domain.people.PersonId;

/** Record that the victim is persistently targeted: found from their other cases, or an officer's assessment. */
public record RecordPersistentTargetingCommand(@TargetAggregateIdentifier CaseId caseId,
                                               PersonId victimId,
                                               PersistentTargetingSource source,
                                               List<String> otherCaseIds,
                                               String reason,
                                               Instant occurredAt) implements CaseCommand {
}
