package uk.london.victims.projections.casesummary;

public record FindCaseSummaryQuery(String caseId) {
}
