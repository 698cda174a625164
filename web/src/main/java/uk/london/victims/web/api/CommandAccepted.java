package uk.london.victims.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A recorded change: the case and its version afterwards. Send the version back as If-Match to make
 * the next change only if nobody else changed the case in between.
 *
 * @param createdId the id the service gave to something the change created (a victim), if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandAccepted(String caseId, long version, String createdId) {

    public CommandAccepted(String caseId, long version) {
        this(caseId, version, null);
    }

    public CommandAccepted withCreatedId(String id) {
        return new CommandAccepted(caseId, version, id);
    }
}
