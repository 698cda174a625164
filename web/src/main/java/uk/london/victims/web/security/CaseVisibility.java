package uk.london.victims.web.security;

import uk.london.victims.domain.cases.StaffScope;
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
        if (seesAllCases(staff)) {
            return true;
        }
        return (staff.bcu() != null && staff.bcu().equalsIgnoreCase(view.bcu()))
               || (staff.unit() != null && (view.units().contains(staff.unit()) || staff.unit().equals(view.officerUnit())))
               || staff.staffId().equals(view.officerId());
    }

    /**
     * What a case needs to know of the sender of a command. No supervisor role exists, so administrators
     * stand in for one: they, and the case's own BCU, may assign a case to another unit or share it.
     */
    public static StaffScope scopeOf(StaffMember staff) {
        return new StaffScope(staff.staffId(), staff.unit(), staff.bcu(), seesAllCases(staff), staff.has(AgencyRole.ADMIN));
    }

    private static boolean seesAllCases(StaffMember staff) {
        return staff.has(AgencyRole.COMMISSIONER) || staff.has(AgencyRole.ADMIN);
    }
}
