package uk.london.victims.projections.portal;

import java.util.List;

import uk.london.victims.domain.people.Sealed;

/** The people who may follow a case in the portal. */
public record PortalAccessView(String caseId, List<Person> people) {

    /**
     * @param actsFor  the victim whose part of the case they see (themselves, for a victim)
     * @param role     null for a victim; the delegate's role otherwise
     * @param consent  always true for a victim; for a delegate, whether the victim's consent stands
     * @param unsafe   contact channels that must never be used
     */
    public record Person(String personId, String actsFor, String role, boolean consent, Sealed contactDetails,
                         List<String> unsafe) {

        public boolean delegate() {
            return role != null;
        }
    }
}
