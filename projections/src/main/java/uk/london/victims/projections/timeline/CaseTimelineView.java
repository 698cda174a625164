package uk.london.victims.projections.timeline;

import java.util.List;

/** Every agency's steps on one case, oldest first. */
public record CaseTimelineView(String caseId, long version, List<TimelineEntryView> entries) {
}
