package uk.london.victims.domain.cases.court;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.SentenceType;
import uk.london.victims.domain.cases.SuspectId;

/** The sentence passed on a convicted defendant. */
public record RecordSentenceCommand(@TargetAggregateIdentifier CaseId caseId,
                                    SuspectId suspectId,
                                    SentenceType sentence,
                                    Integer lengthMonths,
                                    List<String> ancillaryOrders,
                                    Instant occurredAt) implements CaseCommand {
}
