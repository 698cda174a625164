package uk.london.victims.projections.casesummary;

/** Search by any of these (null: any); at most {@code limit} cases, most recently reported first. */
public record FindCasesQuery(String crimeReference, String borough, String status, String officerId, int limit) {
}
