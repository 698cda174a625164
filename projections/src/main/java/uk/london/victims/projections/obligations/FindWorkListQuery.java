package uk.london.victims.projections.obligations;

import java.time.Instant;

import uk.london.victims.domain.cases.Agency;

/** What an agency owes victims and has not yet given: overdue, due today, due within the next few working days. */
public record FindWorkListQuery(Agency agency, Instant asOf, int dueSoonWorkingDays) {
}
