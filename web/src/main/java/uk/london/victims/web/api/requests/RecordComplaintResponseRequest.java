package uk.london.victims.web.api.requests;

import java.time.Instant;

import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ComplaintStep;
import uk.london.victims.domain.cases.victims.RecordComplaintResponseCommand;
import uk.london.victims.domain.people.PersonId;

/** Body of: Record an agency's response to a complaint. */
public record RecordComplaintResponseRequest(ComplaintStep step,
                                             Instant occurredAt) {

    public RecordComplaintResponseCommand toCommand(CaseId caseId, PersonId victimId, String complaintId) {
        return new RecordComplaintResponseCommand(caseId, victimId, complaintId, step, occurredAt);
    }
}
