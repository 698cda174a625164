package uk.london.victims.web.security;

import uk.london.victims.projections.casesummary.CaseSummaryView;

/**
 * Which cases a member of staff may see: the Commissioner and administrators all of them; everyone else
 * the cases in their own Basic Command Unit, the cases their unit has recorded something on, and the
 * cases assigned to them. A case they may not see answers 404, as if it did not exist.
 */
public final class CaseVisibility {

    private CaseVisibility() {
    }

    public static boolean canSee(StaffMember staff, CaseSummaryView view) {
        if (staff.has(AgencyRole.COMMISSIONER) || staff.has(AgencyRole.ADMIN)) {
            return true;
        }
        return (staff.bcu() != null && staff.bcu().equalsIgnoreCase(view.bcu()))
               || (staff.unit() != null && (view.units().contains(staff.unit()) || staff.unit().equals(view.officerUnit())))
               || staff.staffId().equals(view.officerId());
    }
}
