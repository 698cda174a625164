package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** A step of restorative justice between the victim and an offender who has admitted guilt. */
@Revision("1")
public record RestorativeJusticeStepRecordedEvent(CaseId caseId,
                                                  SuspectId suspectId,
                                                  RestorativeJusticeStep step,
                                                  String detail,
                                                  Instant occurredAt) {
}
