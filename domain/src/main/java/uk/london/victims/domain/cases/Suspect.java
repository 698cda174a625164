package uk.london.victims.domain.cases;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the case knows about one suspect (later defendant, later offender). State only: the {@link Case}
 * decides, and its event-sourcing handlers change these fields.
 */
final class Suspect {

    SuspectId id;
    boolean arrested;
    boolean onBail;
    boolean noFurtherAction;
    boolean withCps;
    boolean charged;
    boolean discontinued;
    boolean admittedGuilt;
    boolean convicted;
    boolean acquitted;
    boolean sentenced;
    boolean reviewRequested;
    boolean appealPending;
    AppealAgainst appealAgainst;
    boolean restorativeJusticeClosed = true;
    final Set<RestorativeJusticeStep> restorativeJusticeSteps = EnumSet.noneOf(RestorativeJusticeStep.class);

    Suspect(SuspectId id) {
        this.id = id;
    }

    private Suspect() {
        // for the snapshot serializer
    }

    /** Charged, not stopped, no verdict yet: the prosecution is running. */
    boolean beingProsecuted() {
        return charged && !discontinued && !convicted && !acquitted;
    }

    // Value equality lets Axon's test fixture check that replaying events rebuilds exactly this state.
    @Override
    public boolean equals(Object other) {
        return other instanceof Suspect s && Objects.equals(id, s.id) && arrested == s.arrested && onBail == s.onBail
               && noFurtherAction == s.noFurtherAction && withCps == s.withCps && charged == s.charged
               && discontinued == s.discontinued && admittedGuilt == s.admittedGuilt && convicted == s.convicted
               && acquitted == s.acquitted && sentenced == s.sentenced
               && reviewRequested == s.reviewRequested && appealPending == s.appealPending
               && appealAgainst == s.appealAgainst
               && restorativeJusticeClosed == s.restorativeJusticeClosed
               && restorativeJusticeSteps.equals(s.restorativeJusticeSteps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }
}
