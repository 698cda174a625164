package uk.london.victims.projections.obligations;

import java.time.Instant;

import uk.london.victims.domain.cases.Agency;

/**
 * What an agency owes victims and has not yet given: overdue, due today, due within the next few working days.
 *
 * @param bcu only the items of cases in this Basic Command Unit (its display name); null for every BCU
 */
public record FindWorkListQuery(Agency agency, Instant asOf, int dueSoonWorkingDays, String bcu) {

    public FindWorkListQuery(Agency agency, Instant asOf, int dueSoonWorkingDays) {
        this(agency, asOf, dueSoonWorkingDays, null);
    }
}
