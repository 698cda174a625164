package uk.london.victims.projections.obligations;

import java.time.Instant;

import uk.london.victims.domain.cases.Agency;

/**
 * What an agency owes victims and has not yet given: overdue, due today, due within the next few working days.
 *
 * @param bcu   only the items of cases in this Basic Command Unit (its display name); null for every BCU
 * @param limit at most this many items, the earliest deadlines first (those with none last)
 */
public record FindWorkListQuery(Agency agency, Instant asOf, int dueSoonWorkingDays, String bcu, int limit) {

    /** What one answer lists at most when not told: a unit's day of work, not its whole backlog. */
    public static final int DEFAULT_LIMIT = 200;

    public FindWorkListQuery(Agency agency, Instant asOf, int dueSoonWorkingDays, String bcu) {
        this(agency, asOf, dueSoonWorkingDays, bcu, DEFAULT_LIMIT);
    }

    public FindWorkListQuery(Agency agency, Instant asOf, int dueSoonWorkingDays) {
        this(agency, asOf, dueSoonWorkingDays, null);
    }
}
