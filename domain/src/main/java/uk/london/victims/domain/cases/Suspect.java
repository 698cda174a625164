package uk.london.victims.domain.cases;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

/**
 * What the case knows about one suspect (later defendant, later offender). An Axon entity of the
 * {@link Case}: it applies the events that carry its {@code suspectId}; the case decides every command,
 * because its rules join this suspect with the case's status, hearings and victims. What spans suspects
 * (a reopened case clearing no further action, a guilty plea found through its hearing) stays on the case.
 */
final class Suspect {

    @EntityId(routingKey = "suspectId")
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

    @EventSourcingHandler
    void on(SuspectArrestedEvent event) {
        arrested = true;
    }

    @EventSourcingHandler
    void on(SuspectInterviewedEvent event) {
        if (event.admittedOffence()) {
            admittedGuilt = true;
        }
    }

    @EventSourcingHandler
    void on(SuspectReleasedOnBailEvent event) {
        onBail = true;
    }

    @EventSourcingHandler
    void on(BailCancelledEvent event) {
        onBail = false;
    }

    @EventSourcingHandler
    void on(SuspectReleasedUnderInvestigationEvent event) {
        onBail = false;
    }

    @EventSourcingHandler
    void on(NoFurtherActionTakenEvent event) {
        noFurtherAction = true;
        onBail = false;
    }

    @EventSourcingHandler
    void on(OutOfCourtDisposalGivenEvent event) {
        admittedGuilt |= event.admittedOffence();
        onBail = false;
    }

    @EventSourcingHandler
    void on(SuspectChargedEvent event) {
        charged = true;
        onBail = false;
    }

    @EventSourcingHandler
    void on(FileSentToCpsEvent event) {
        withCps = true;
    }

    @EventSourcingHandler
    void on(ChargingDecisionMadeEvent event) {
        withCps = false;
        switch (event.decision()) {
            case CHARGE -> charged = true;
            case NO_FURTHER_ACTION -> noFurtherAction = true;
            case FURTHER_EVIDENCE_REQUIRED -> {
                // back to the police: the case records it, this suspect's state does not change
            }
        }
    }

    @EventSourcingHandler
    void on(NoEvidenceOfferedEvent event) {
        discontinued = true;
    }

    @EventSourcingHandler
    void on(DecisionReviewRequestedEvent event) {
        reviewRequested = true;
    }

    @EventSourcingHandler
    void on(ReviewDecidedEvent event) {
        reviewRequested = false;
        if (event.outcome() == ReviewOutcome.DECISION_OVERTURNED) {
            // An overturned decision puts the suspect back in play without reopening the whole case.
            noFurtherAction = false;
            discontinued = false;
        }
    }

    @EventSourcingHandler
    void on(AppealLodgedEvent event) {
        appealPending = true;
        appealAgainst = event.against();
    }

    @EventSourcingHandler
    void on(AppealDecidedEvent event) {
        appealPending = false;
        if (event.outcome() == AppealOutcome.ALLOWED) {
            // A quashed conviction ends the case against them; a sentence set aside awaits a new one.
            if (appealAgainst == AppealAgainst.CONVICTION) {
                convicted = false;
                acquitted = true;
            }
            sentenced = false;
        }
    }

    @EventSourcingHandler
    void on(ProsecutionDiscontinuedEvent event) {
        discontinued = true;
    }

    @EventSourcingHandler
    void on(VerdictRecordedEvent event) {
        convicted = event.verdict() == Verdict.GUILTY;
        acquitted = event.verdict() == Verdict.NOT_GUILTY;
    }

    @EventSourcingHandler
    void on(SentenceRecordedEvent event) {
        sentenced = true;
    }

    @EventSourcingHandler
    void on(RestorativeJusticeStepRecordedEvent event) {
        switch (event.step()) {
            case OFFERED, REQUESTED_BY_VICTIM -> {
                if (restorativeJusticeClosed) {
                    restorativeJusticeSteps.clear();
                }
                restorativeJusticeClosed = false;
            }
            case CLOSED -> restorativeJusticeClosed = true;
            default -> {
            }
        }
        restorativeJusticeSteps.add(event.step());
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
