package uk.london.victims.projections.timeline;

/**
 * Pushed to open subscriptions of {@link FindCaseTimelineQuery} when a case's timeline reaches a new
 * version: a signal, not the timeline, so nothing is read or opened for a case nobody is watching, and a
 * watcher reads the timeline once per change instead of polling it.
 *
 * @param caseId  the case
 * @param version the case version (sequence of its last event) the timeline has reached or will reach
 */
public record CaseTimelineChanged(String caseId, long version) {
}
