package uk.london.victims.domain.cases;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The sentence passed on a convicted defendant. */
public record RecordSentenceCommand(@TargetAggregateIdentifier CaseId caseId,
                                    SuspectId suspectId,
                                    SentenceType sentence,
                                    Integer lengthMonths,
                                    List<String> ancillaryOrders,
                                    Instant occurredAt) implements CaseCommand {
}
