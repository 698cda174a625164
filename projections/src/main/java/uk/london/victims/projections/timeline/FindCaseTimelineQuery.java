package uk.london.victims.projections.timeline;

public record FindCaseTimelineQuery(String caseId) {
}
