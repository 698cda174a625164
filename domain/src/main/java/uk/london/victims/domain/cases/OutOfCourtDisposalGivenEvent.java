package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The suspect received an out-of-court disposal. */
@Revision("1")
public record OutOfCourtDisposalGivenEvent(CaseId caseId,
                                           SuspectId suspectId,
                                           OutOfCourtDisposal disposal,
                                           boolean admittedOffence,
                                           Instant occurredAt) {
}
