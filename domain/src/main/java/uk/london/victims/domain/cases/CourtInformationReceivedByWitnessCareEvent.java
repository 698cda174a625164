package uk.london.victims.domain.cases;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The Witness Care Unit received information from the court or CPS; the victim's clock starts here. */
@Revision("1")
public record CourtInformationReceivedByWitnessCareEvent(CaseId caseId,
                                                         Long aboutSequence,
                                                         String information,
                                                         Instant occurredAt) {
}
