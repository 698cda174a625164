package uk.london.victims.projections.timeline;

import uk.london.victims.domain.cases.AppealDecidedEvent;
import uk.london.victims.domain.cases.AppealLodgedEvent;
import uk.london.victims.domain.cases.ChargeSubstantiallyChangedEvent;
import uk.london.victims.domain.cases.ChargingDecisionMadeEvent;
import uk.london.victims.domain.cases.ComplaintMadeEvent;
import uk.london.victims.domain.cases.ComplaintResponseRecordedEvent;
import uk.london.victims.domain.cases.CourtInformationReceivedByWitnessCareEvent;
import uk.london.victims.domain.cases.DecisionReviewRequestedEvent;
import uk.london.victims.domain.cases.DelegateConsentRecordedEvent;
import uk.london.victims.domain.cases.EnhancedRightsGrantedByDiscretionEvent;
import uk.london.victims.domain.cases.HearingListedEvent;
import uk.london.victims.domain.cases.HearingOutcomeRecordedEvent;
import uk.london.victims.domain.cases.MessageFromVictimEvent;
import uk.london.victims.domain.cases.NoEvidenceOfferedEvent;
import uk.london.victims.domain.cases.ProsecutionDiscontinuedEvent;
import uk.london.victims.domain.cases.RestorativeJusticeStepRecordedEvent;
import uk.london.victims.domain.cases.ReviewDecidedEvent;
import uk.london.victims.domain.cases.SentenceRecordedEvent;
import uk.london.victims.domain.cases.TreatmentRatedEvent;
import uk.london.victims.domain.cases.UpdateRequestedEvent;
import uk.london.victims.domain.cases.VerdictRecordedEvent;
import uk.london.victims.domain.cases.VictimContactSchemeRecordedEvent;
import uk.london.victims.domain.cases.VictimInformedEvent;

/** Which agency's part of the journey an event belongs to, for the timeline's grouping and colour. */
enum AgencyOfEvent {
    POLICE, CPS, COURT, WITNESS_CARE, PROBATION, RESTORATIVE_JUSTICE, VICTIM, ANY;

    static AgencyOfEvent of(Object event) {
        if (event instanceof ChargingDecisionMadeEvent || event instanceof ProsecutionDiscontinuedEvent
            || event instanceof ChargeSubstantiallyChangedEvent || event instanceof NoEvidenceOfferedEvent) {
            return CPS;
        }
        if (event instanceof HearingListedEvent || event instanceof HearingOutcomeRecordedEvent
            || event instanceof VerdictRecordedEvent || event instanceof SentenceRecordedEvent
            || event instanceof AppealLodgedEvent || event instanceof AppealDecidedEvent) {
            return COURT;
        }
        if (event instanceof CourtInformationReceivedByWitnessCareEvent) {
            return WITNESS_CARE;
        }
        if (event instanceof VictimContactSchemeRecordedEvent) {
            return PROBATION;
        }
        if (event instanceof RestorativeJusticeStepRecordedEvent) {
            return RESTORATIVE_JUSTICE;
        }
        if (event instanceof ComplaintMadeEvent || event instanceof DecisionReviewRequestedEvent
            || event instanceof UpdateRequestedEvent || event instanceof MessageFromVictimEvent
            || event instanceof TreatmentRatedEvent || event instanceof DelegateConsentRecordedEvent) {
            return VICTIM;
        }
        if (event instanceof VictimInformedEvent || event instanceof ComplaintResponseRecordedEvent
            || event instanceof ReviewDecidedEvent || event instanceof EnhancedRightsGrantedByDiscretionEvent) {
            return ANY;
        }
        return POLICE;
    }
}
