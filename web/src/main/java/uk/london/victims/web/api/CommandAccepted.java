package uk.london.victims.web.api;

/**
 * A recorded change: the case and its version afterwards. Send the version back as If-Match to make
 * the next change only if nobody else changed the case in between.
 */
public record CommandAccepted(String caseId, long version) {
}
