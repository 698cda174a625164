package uk.london.victims.domain.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import uk.london.victims.domain.cases.court.DecideAppealCommand;
import uk.london.victims.domain.cases.court.ListHearingCommand;
import uk.london.victims.domain.cases.court.LodgeAppealCommand;
import uk.london.victims.domain.cases.court.RecordHearingOutcomeCommand;
import uk.london.victims.domain.cases.court.RecordSentenceCommand;
import uk.london.victims.domain.cases.court.RecordVerdictCommand;
import uk.london.victims.domain.cases.court.RecordWitnessCareReceiptCommand;
import uk.london.victims.domain.cases.investigation.ArrestSuspectCommand;
import uk.london.victims.domain.cases.investigation.AssignOfficerCommand;
import uk.london.victims.domain.cases.investigation.CancelBailCommand;
import uk.london.victims.domain.cases.investigation.ChangeBailConditionsCommand;
import uk.london.victims.domain.cases.investigation.DecideNotToInvestigateCommand;
import uk.london.victims.domain.cases.investigation.GiveOutOfCourtDisposalCommand;
import uk.london.victims.domain.cases.investigation.IdentifySuspectCommand;
import uk.london.victims.domain.cases.investigation.InterviewSuspectCommand;
import uk.london.victims.domain.cases.investigation.ReclassifyCrimeCommand;
import uk.london.victims.domain.cases.investigation.RecordCrimeCommand;
import uk.london.victims.domain.cases.investigation.ReleaseSuspectOnBailCommand;
import uk.london.victims.domain.cases.investigation.ReleaseSuspectUnderInvestigationCommand;
import uk.london.victims.domain.cases.investigation.TakeNoFurtherActionCommand;
import uk.london.victims.domain.cases.prosecution.ChangeChargeSubstantiallyCommand;
import uk.london.victims.domain.cases.prosecution.ChargeSuspectCommand;
import uk.london.victims.domain.cases.prosecution.DiscontinueProsecutionCommand;
import uk.london.victims.domain.cases.prosecution.OfferNoEvidenceCommand;
import uk.london.victims.domain.cases.prosecution.RecordChargingDecisionCommand;
import uk.london.victims.domain.cases.prosecution.RecordReviewDecisionCommand;
import uk.london.victims.domain.cases.prosecution.RequestDecisionReviewCommand;
import uk.london.victims.domain.cases.prosecution.SendFileToCpsCommand;
import uk.london.victims.domain.cases.restorative.RecordRestorativeJusticeStepCommand;
import uk.london.victims.domain.geography.Borough;

/** Each command of the journey, accepted where the history allows it and rejected, with its code, where not. */
class CaseJourneyTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final CaseId CASE = new CaseId("case-0000-0001");
    private static final SuspectId S1 = new SuspectId("S1");
    private static final HearingId H1 = new HearingId("H1");
    private static final Instant T0 = Instant.parse("2026-03-01T20:15:00Z");

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.givenCurrentTime(NOW);
    }

    private static Instant at(int day) {
        return T0.plus(Duration.ofDays(day));
    }

    // ------------------------------------------------------------------ histories

    private static List<Object> reported() {
        return new ArrayList<>(List.of(new CrimeReportedEvent(CASE, ReportChannel.PHONE_999, T0)));
    }

    private static List<Object> recorded() {
        List<Object> h = reported();
        h.add(new CrimeRecordedEvent(CASE, "CRIS-1234567/26", OffenceCategory.VIOLENCE_WITH_INJURY,
                Borough.LAMBETH, Set.of(PriorityFlag.DOMESTIC_ABUSE), Set.of(), at(0)));
        return h;
    }

    private static List<Object> suspectIdentified() {
        List<Object> h = recorded();
        h.add(new SuspectIdentifiedEvent(CASE, S1, at(1)));
        return h;
    }

    private static List<Object> arrested() {
        List<Object> h = suspectIdentified();
        h.add(new SuspectArrestedEvent(CASE, S1, at(2)));
        return h;
    }

    private static List<Object> charged() {
        List<Object> h = arrested();
        h.add(new SuspectChargedEvent(CASE, S1, List.of("Assault occasioning actual bodily harm"), at(3)));
        return h;
    }

    private static List<Object> listed() {
        List<Object> h = charged();
        h.add(new HearingListedEvent(CASE, H1, S1, "Camberwell Green Magistrates' Court", at(20), HearingType.FIRST_APPEARANCE, at(4)));
        return h;
    }

    private static List<Object> convictedAfterTrial() {
        List<Object> h = listed();
        h.add(new HearingOutcomeRecordedEvent(CASE, H1, HearingOutcome.NOT_GUILTY_PLEA, List.of(), at(20)));
        h.add(new VerdictRecordedEvent(CASE, S1, Verdict.GUILTY, at(60)));
        return h;
    }

    private ResultValidator<Case> given(List<Object> history, Object command) {
        return fixture.given(history).when(command);
    }

    private void rejected(List<Object> history, Object command, String code) {
        given(history, command).expectNoEvents().expectException(CaseRuleViolationException.class)
                               .expectException(CaseRuleMatchers.withCode(code));
    }

    // ------------------------------------------------------------------ police

    @Nested
    class Recording {
        @Test
        void recordsTheCrimeOnce() {
            given(reported(), new RecordCrimeCommand(CASE, "CRIS-1234567/26", OffenceCategory.ROBBERY, Borough.HACKNEY,
                    Set.of(PriorityFlag.HATE_CRIME), Set.of(HateStrand.RELIGION_OR_BELIEF), at(0)))
                    .expectEvents(new CrimeRecordedEvent(CASE, "CRIS-1234567/26", OffenceCategory.ROBBERY, Borough.HACKNEY,
                            Set.of(PriorityFlag.HATE_CRIME), Set.of(HateStrand.RELIGION_OR_BELIEF), at(0)));
            rejected(recorded(), new RecordCrimeCommand(CASE, "CRIS-9/26", OffenceCategory.THEFT, Borough.HACKNEY,
                    Set.of(), Set.of(), at(1)), "crime-already-recorded");
        }

        @Test
        void aHateCrimeNamesItsStrandAndOnlyAHateCrimeHasOne() {
            rejected(reported(), new RecordCrimeCommand(CASE, "CRIS-1/26", OffenceCategory.PUBLIC_ORDER, Borough.BRENT,
                    Set.of(PriorityFlag.HATE_CRIME), Set.of(), at(0)), "hate-strand-mismatch");
            rejected(reported(), new RecordCrimeCommand(CASE, "CRIS-1/26", OffenceCategory.PUBLIC_ORDER, Borough.BRENT,
                    Set.of(), Set.of(HateStrand.RACE), at(0)), "hate-strand-mismatch");
        }

        @Test
        void needsAReferenceOffenceAndBorough() {
            rejected(reported(), new RecordCrimeCommand(CASE, "no spaces allowed", OffenceCategory.THEFT, Borough.BRENT,
                    null, null, at(0)), "crime-reference-invalid");
            rejected(reported(), new RecordCrimeCommand(CASE, "CRIS-1/26", null, Borough.BRENT, null, null, at(0)), "offence-missing");
            rejected(reported(), new RecordCrimeCommand(CASE, "CRIS-1/26", OffenceCategory.THEFT, null, null, null, at(0)), "borough-missing");
        }

        @Test
        void theReferenceIsRecordedTrimmedAndInCapitalsSoEverySpellingIsOneReference() {
            given(reported(), new RecordCrimeCommand(CASE, " cris-1/26 ", OffenceCategory.THEFT, Borough.BRENT, null, null, at(0)))
                    .expectEvents(new CrimeRecordedEvent(CASE, "CRIS-1/26", OffenceCategory.THEFT, Borough.BRENT, Set.of(), Set.of(),
                            at(0)));
        }

        @Test
        void anEventCannotPredateTheReport() {
            rejected(reported(), new RecordCrimeCommand(CASE, "CRIS-1/26", OffenceCategory.THEFT, Borough.BRENT, null, null,
                    T0.minusSeconds(60)), "occurred-at-before-report");
        }

        @Test
        void reclassificationNeedsARecordedCrimeAndAReason() {
            given(recorded(), new ReclassifyCrimeCommand(CASE, OffenceCategory.STALKING_AND_HARASSMENT,
                    Set.of(PriorityFlag.DOMESTIC_ABUSE), Set.of(), "Pattern of behaviour found", at(5)))
                    .expectEvents(new CrimeReclassifiedEvent(CASE, OffenceCategory.STALKING_AND_HARASSMENT,
                            Set.of(PriorityFlag.DOMESTIC_ABUSE), Set.of(), "Pattern of behaviour found", at(5)));
            rejected(reported(), new ReclassifyCrimeCommand(CASE, OffenceCategory.THEFT, null, null, "x", at(5)), "crime-not-recorded");
            rejected(recorded(), new ReclassifyCrimeCommand(CASE, OffenceCategory.THEFT, null, null, " ", at(5)), "reason-missing");
        }

        @Test
        void notInvestigatingNeedsAReasonAndStopsPoliceActionUntilReopened() {
            given(recorded(), new DecideNotToInvestigateCommand(CASE, "No lines of enquiry", at(1)))
                    .expectEvents(new CrimeNotInvestigatedEvent(CASE, "No lines of enquiry", at(1)));
            List<Object> notInvestigated = recorded();
            notInvestigated.add(new CrimeNotInvestigatedEvent(CASE, "No lines of enquiry", at(1)));
            rejected(notInvestigated, new IdentifySuspectCommand(CASE, S1, at(2)), "case-not-open");
            given(notInvestigated, new ReopenCaseCommand(CASE, "CCTV found", at(3)))
                    .expectEvents(new CaseReopenedEvent(CASE, "CCTV found", at(3)));
            rejected(charged(), new DecideNotToInvestigateCommand(CASE, "x", at(5)), "prosecution-running");
        }

        @Test
        void officerInTheCaseIsAssignedAndChanged() {
            given(reported(), new AssignOfficerCommand(CASE, "PC-1234", "MPS-CS-CID", at(0)))
                    .expectEvents(new OfficerAssignedEvent(CASE, "PC-1234", "MPS-CS-CID", at(0)))
                    .expectResultMessagePayload(1L);
            given(recorded(), new AssignOfficerCommand(CASE, "PC-5678", "MPS-CS-CID", at(1)))
                    .expectResultMessagePayload(2L);
            rejected(reported(), new AssignOfficerCommand(CASE, "", "MPS-CS-CID", at(0)), "officer-missing");
            rejected(reported(), new AssignOfficerCommand(CASE, "PC-1234", null, at(0)), "unit-missing");
        }

        @Test
        void filingAndClosingWaitForAnyProsecutionToEnd() {
            given(arrested(), new FileCaseCommand(CASE, "Insufficient evidence", at(5)))
                    .expectEvents(new CaseFiledEvent(CASE, "Insufficient evidence", at(5)));
            rejected(charged(), new FileCaseCommand(CASE, "x", at(5)), "prosecution-running");
            rejected(charged(), new CloseCaseCommand(CASE, "x", at(5)), "prosecution-running");
            rejected(recorded(), new ReopenCaseCommand(CASE, "x", at(5)), "nothing-to-reopen");
        }
    }

    @Nested
    class Suspects {
        @Test
        void aSuspectIsIdentifiedOnceOnARecordedCrime() {
            given(recorded(), new IdentifySuspectCommand(CASE, S1, at(1))).expectEvents(new SuspectIdentifiedEvent(CASE, S1, at(1)));
            rejected(reported(), new IdentifySuspectCommand(CASE, S1, at(1)), "crime-not-recorded");
            rejected(suspectIdentified(), new IdentifySuspectCommand(CASE, S1, at(2)), "suspect-already-identified");
            rejected(recorded(), new ArrestSuspectCommand(CASE, S1, at(2)), "unknown-suspect");
        }

        @Test
        void bailNeedsAnArrestAndCanBeChangedOrCancelled() {
            rejected(suspectIdentified(), new ReleaseSuspectOnBailCommand(CASE, S1, List.of(), at(2)), "suspect-not-arrested");
            List<Object> bailed = arrested();
            bailed.add(new SuspectReleasedOnBailEvent(CASE, S1, List.of("Not to contact the victim"), at(2)));
            given(bailed, new ChangeBailConditionsCommand(CASE, S1, List.of("Not to enter Lambeth"), at(4)))
                    .expectEvents(new BailConditionsChangedEvent(CASE, S1, List.of("Not to enter Lambeth"), at(4)));
            given(bailed, new CancelBailCommand(CASE, S1, "Charged instead", at(4)))
                    .expectEvents(new BailCancelledEvent(CASE, S1, "Charged instead", at(4)));
            rejected(arrested(), new ChangeBailConditionsCommand(CASE, S1, List.of("x"), at(4)), "suspect-not-on-bail");
            rejected(arrested(), new CancelBailCommand(CASE, S1, "x", at(4)), "suspect-not-on-bail");
            given(arrested(), new ReleaseSuspectUnderInvestigationCommand(CASE, S1, at(2)))
                    .expectEvents(new SuspectReleasedUnderInvestigationEvent(CASE, S1, at(2)));
            rejected(suspectIdentified(), new ReleaseSuspectUnderInvestigationCommand(CASE, S1, at(2)), "suspect-not-arrested");
        }

        @Test
        void noChargeAfterNoFurtherActionWithoutReopening() {
            List<Object> nfa = arrested();
            nfa.add(new NoFurtherActionTakenEvent(CASE, S1, "Victim withdrew support", at(5)));
            rejected(nfa, new ChargeSuspectCommand(CASE, S1, List.of("Assault"), at(6)), "no-further-action-taken");
            nfa.add(new CaseReopenedEvent(CASE, "New witness", at(7)));
            given(nfa, new ChargeSuspectCommand(CASE, S1, List.of("Assault"), at(8)))
                    .expectEvents(new SuspectChargedEvent(CASE, S1, List.of("Assault"), at(8)));
            rejected(charged(), new TakeNoFurtherActionCommand(CASE, S1, "x", at(5)), "suspect-already-charged");
        }

        @Test
        void aCautionNeedsAnAdmission() {
            rejected(arrested(), new GiveOutOfCourtDisposalCommand(CASE, S1, OutOfCourtDisposal.SIMPLE_CAUTION, false, at(3)),
                    "caution-needs-admission");
            given(arrested(), new GiveOutOfCourtDisposalCommand(CASE, S1, OutOfCourtDisposal.SIMPLE_CAUTION, true, at(3)))
                    .expectEvents(new OutOfCourtDisposalGivenEvent(CASE, S1, OutOfCourtDisposal.SIMPLE_CAUTION, true, at(3)));
            given(arrested(), new GiveOutOfCourtDisposalCommand(CASE, S1, OutOfCourtDisposal.COMMUNITY_RESOLUTION, false, at(3)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void chargingNeedsChargesAndHappensOnce() {
            rejected(arrested(), new ChargeSuspectCommand(CASE, S1, List.of(), at(3)), "charges-missing");
            rejected(charged(), new ChargeSuspectCommand(CASE, S1, List.of("x"), at(4)), "suspect-already-charged");
            rejected(charged(), new ArrestSuspectCommand(CASE, S1, at(4)), "suspect-already-charged");
            given(arrested(), new InterviewSuspectCommand(CASE, S1, false, at(2)))
                    .expectEvents(new SuspectInterviewedEvent(CASE, S1, false, at(2)));
        }
    }

    @Nested
    class Cps {
        private List<Object> withCps() {
            List<Object> h = arrested();
            h.add(new FileSentToCpsEvent(CASE, S1, at(3)));
            return h;
        }

        @Test
        void theCpsDecidesOnlyOnAFileItHas() {
            rejected(arrested(), new RecordChargingDecisionCommand(CASE, S1, ChargingDecision.CHARGE, List.of("GBH"), null, at(4)),
                    "no-file-with-cps");
            given(withCps(), new RecordChargingDecisionCommand(CASE, S1, ChargingDecision.CHARGE, List.of("GBH"), null, at(4)))
                    .expectEvents(new ChargingDecisionMadeEvent(CASE, S1, ChargingDecision.CHARGE, List.of("GBH"), null, at(4)));
            rejected(withCps(), new RecordChargingDecisionCommand(CASE, S1, ChargingDecision.CHARGE, List.of(), null, at(4)),
                    "charges-missing");
            rejected(withCps(), new RecordChargingDecisionCommand(CASE, S1, ChargingDecision.NO_FURTHER_ACTION, null, "", at(4)),
                    "reason-missing");
            rejected(withCps(), new ChargeSuspectCommand(CASE, S1, List.of("GBH"), at(4)), "awaiting-cps-decision");
            rejected(withCps(), new SendFileToCpsCommand(CASE, S1, at(4)), "awaiting-cps-decision");
        }

        @Test
        void onlyARunningProsecutionCanBeDiscontinued() {
            given(charged(), new DiscontinueProsecutionCommand(CASE, S1, "Key witness unavailable", at(10)))
                    .expectEvents(new ProsecutionDiscontinuedEvent(CASE, S1, "Key witness unavailable", at(10)));
            rejected(arrested(), new DiscontinueProsecutionCommand(CASE, S1, "x", at(10)), "no-prosecution-running");
        }
    }

    @Nested
    class Court {
        @Test
        void onlyAChargedDefendantIsListedAndEachHearingOnce() {
            given(charged(), new ListHearingCommand(CASE, H1, S1, "Camberwell Green Magistrates' Court", at(20),
                    HearingType.FIRST_APPEARANCE, at(4))).expectSuccessfulHandlerExecution();
            rejected(arrested(), new ListHearingCommand(CASE, H1, S1, "Court", at(20), HearingType.TRIAL, at(4)), "not-charged");
            rejected(listed(), new ListHearingCommand(CASE, H1, S1, "Court", at(30), HearingType.TRIAL, at(5)), "hearing-already-listed");
            rejected(charged(), new ListHearingCommand(CASE, H1, S1, "Court", null, HearingType.TRIAL, at(4)), "scheduled-for-missing");
        }

        @Test
        void witnessCareReceiptIsRecordedApartFromTheCourtsOwnTime() {
            // listed(): the HearingListedEvent is sequence 5 (report, record, identify, arrest, charge, list).
            given(listed(), new RecordWitnessCareReceiptCommand(CASE, 5L, "Hearing date, time and place", at(5)))
                    .expectEvents(new CourtInformationReceivedByWitnessCareEvent(CASE, 5L, "Hearing date, time and place", at(5)));
            rejected(listed(), new RecordWitnessCareReceiptCommand(CASE, 5L, "x", at(3)), "receipt-before-event");
            rejected(listed(), new RecordWitnessCareReceiptCommand(CASE, 3L, "x", at(5)), "not-court-or-cps-event");
            rejected(listed(), new RecordWitnessCareReceiptCommand(CASE, null, "x", at(5)), "about-missing");
        }

        @Test
        void noSentenceWithoutConviction() {
            rejected(listed(), new RecordSentenceCommand(CASE, S1, SentenceType.FINE, null, List.of(), at(30)), "not-convicted");
            given(convictedAfterTrial(), new RecordSentenceCommand(CASE, S1, SentenceType.IMMEDIATE_CUSTODY, 18,
                    List.of("Restraining order"), at(80)))
                    .expectEvents(new SentenceRecordedEvent(CASE, S1, SentenceType.IMMEDIATE_CUSTODY, 18, List.of("Restraining order"), at(80)));
            rejected(convictedAfterTrial(), new RecordSentenceCommand(CASE, S1, SentenceType.IMMEDIATE_CUSTODY, null, List.of(), at(80)),
                    "length-missing");
        }

        @Test
        void aGuiltyPleaConvicts() {
            List<Object> pleaded = listed();
            pleaded.add(new HearingOutcomeRecordedEvent(CASE, H1, HearingOutcome.GUILTY_PLEA, List.of(), at(20)));
            given(pleaded, new RecordSentenceCommand(CASE, S1, SentenceType.COMMUNITY_ORDER, 12, List.of(), at(40)))
                    .expectSuccessfulHandlerExecution();
            rejected(pleaded, new RecordVerdictCommand(CASE, S1, Verdict.GUILTY, at(40)), "no-prosecution-running");
        }

        @Test
        void aVerdictNeedsAHearing() {
            rejected(charged(), new RecordVerdictCommand(CASE, S1, Verdict.NOT_GUILTY, at(40)), "no-hearing");
            given(listed(), new RecordVerdictCommand(CASE, S1, Verdict.NOT_GUILTY, at(40)))
                    .expectEvents(new VerdictRecordedEvent(CASE, S1, Verdict.NOT_GUILTY, at(40)));
        }
    }

    /** The accept or reject path of commands whose other path is covered above. */
    @Nested
    class OtherPaths {
        @Test
        void closingAnOpenCaseAndTheRulesForAClosedOne() {
            given(arrested(), new CloseCaseCommand(CASE, "Victim moved abroad; no further enquiries", at(9)))
                    .expectEvents(new CaseClosedEvent(CASE, "Victim moved abroad; no further enquiries", at(9)));
            List<Object> closed = arrested();
            closed.add(new CaseClosedEvent(CASE, "x", at(9)));
            rejected(closed, new CloseCaseCommand(CASE, "again", at(10)), "case-closed");
            rejected(closed, new ArrestSuspectCommand(CASE, S1, at(10)), "case-not-open");
        }

        @Test
        void interviewsAndBailOnlyForAnActiveSuspect() {
            List<Object> nfa = arrested();
            nfa.add(new NoFurtherActionTakenEvent(CASE, S1, "x", at(3)));
            rejected(nfa, new InterviewSuspectCommand(CASE, S1, true, at(4)), "no-further-action-taken");
            given(arrested(), new ReleaseSuspectOnBailCommand(CASE, S1, List.of("Curfew 19:00-07:00"), at(2)))
                    .expectEvents(new SuspectReleasedOnBailEvent(CASE, S1, List.of("Curfew 19:00-07:00"), at(2)));
            given(arrested(), new TakeNoFurtherActionCommand(CASE, S1, "Victim withdrew support", at(3)))
                    .expectEvents(new NoFurtherActionTakenEvent(CASE, S1, "Victim withdrew support", at(3)));
            rejected(arrested(), new GiveOutOfCourtDisposalCommand(CASE, S1, null, false, at(3)), "disposal-missing");
            given(arrested(), new SendFileToCpsCommand(CASE, S1, at(3))).expectEvents(new FileSentToCpsEvent(CASE, S1, at(3)));
            rejected(charged(), new SendFileToCpsCommand(CASE, S1, at(4)), "suspect-already-charged");
            given(arrested(), new ChargeSuspectCommand(CASE, S1, List.of("Theft"), at(3)))
                    .expectEvents(new SuspectChargedEvent(CASE, S1, List.of("Theft"), at(3)));
            rejected(suspectIdentified(), new InterviewSuspectCommand(CASE, new SuspectId("S9"), false, at(2)), "unknown-suspect");
        }

        @Test
        void hearingOutcomesNeedAKnownHearingAndARunningProsecution() {
            given(listed(), new RecordHearingOutcomeCommand(CASE, H1, HearingOutcome.BAILED, List.of("Residence"), at(20)))
                    .expectEvents(new HearingOutcomeRecordedEvent(CASE, H1, HearingOutcome.BAILED, List.of("Residence"), at(20)));
            rejected(listed(), new RecordHearingOutcomeCommand(CASE, new HearingId("H9"), HearingOutcome.ADJOURNED, List.of(), at(20)),
                    "unknown-hearing");
            rejected(listed(), new RecordHearingOutcomeCommand(CASE, H1, null, List.of(), at(20)), "outcome-missing");
            List<Object> stopped = listed();
            stopped.add(new ProsecutionDiscontinuedEvent(CASE, S1, "x", at(10)));
            rejected(stopped, new RecordHearingOutcomeCommand(CASE, H1, HearingOutcome.GUILTY_PLEA, List.of(), at(20)),
                    "no-prosecution-running");
            rejected(convictedAfterTrial(), new RecordVerdictCommand(CASE, S1, Verdict.GUILTY, at(61)), "no-prosecution-running");
        }

        @Test
        void appealsAreLodgedAndDecided() {
            List<Object> sentenced = convictedAfterTrial();
            sentenced.add(new SentenceRecordedEvent(CASE, S1, SentenceType.FINE, null, List.of(), at(62)));
            given(sentenced, new LodgeAppealCommand(CASE, S1, AppealAgainst.SENTENCE, at(63)))
                    .expectEvents(new AppealLodgedEvent(CASE, S1, AppealAgainst.SENTENCE, at(63)));
            sentenced.add(new AppealLodgedEvent(CASE, S1, AppealAgainst.SENTENCE, at(63)));
            given(sentenced, new DecideAppealCommand(CASE, S1, AppealOutcome.DISMISSED, at(70)))
                    .expectEvents(new AppealDecidedEvent(CASE, S1, AppealOutcome.DISMISSED, at(70)));
            rejected(sentenced, new DecideAppealCommand(CASE, S1, null, at(70)), "outcome-missing");
            rejected(sentenced, new RecordSentenceCommand(CASE, S1, SentenceType.FINE, null, List.of(), at(64)), "already-sentenced");
        }
    }

    @Nested
    class ReviewsAndAppeals {
        private final uk.london.victims.domain.people.PersonId victim = new uk.london.victims.domain.people.PersonId("victim-0001");

        private List<Object> withVictim(List<Object> history) {
            history.add(1, new VictimAddedEvent(CASE, victim, VictimKind.DIRECT_VICTIM,
                    new uk.london.victims.domain.people.Sealed(victim, "v1:x"), false, T0));
            return history;
        }

        @Test
        void aReviewNeedsADecisionToReviewAndAnOverturnedDecisionReopensTheSuspect() {
            rejected(withVictim(arrested()), new RequestDecisionReviewCommand(CASE, victim, S1,
                    ReviewableDecision.POLICE_NO_FURTHER_ACTION, at(5)), "no-such-decision");
            List<Object> nfa = withVictim(arrested());
            nfa.add(new NoFurtherActionTakenEvent(CASE, S1, "Insufficient evidence", at(5)));
            given(nfa, new RequestDecisionReviewCommand(CASE, victim, S1, ReviewableDecision.POLICE_NO_FURTHER_ACTION, at(6)))
                    .expectEvents(new DecisionReviewRequestedEvent(CASE, victim, S1, ReviewableDecision.POLICE_NO_FURTHER_ACTION, at(6)));
            rejected(nfa, new RecordReviewDecisionCommand(CASE, victim, S1, ReviewOutcome.DECISION_UPHELD, "x", at(7)),
                    "no-review-requested");
            nfa.add(new DecisionReviewRequestedEvent(CASE, victim, S1, ReviewableDecision.POLICE_NO_FURTHER_ACTION, at(6)));
            nfa.add(new ReviewDecidedEvent(CASE, victim, S1, ReviewOutcome.DECISION_OVERTURNED, "CCTV not considered", at(20)));
            given(nfa, new ChargeSuspectCommand(CASE, S1, List.of("Theft"), at(21))).expectSuccessfulHandlerExecution();
        }

        @Test
        void theCpsChangesChargesOrOffersNoEvidenceOnlyWhileProsecuting() {
            given(charged(), new ChangeChargeSubstantiallyCommand(CASE, S1, List.of("Theft"), "Evidence of intent weak", at(10)))
                    .expectSuccessfulHandlerExecution();
            given(charged(), new OfferNoEvidenceCommand(CASE, S1, "Victim unable to attend", at(10)))
                    .expectEvents(new NoEvidenceOfferedEvent(CASE, S1, "Victim unable to attend", at(10)));
            rejected(arrested(), new OfferNoEvidenceCommand(CASE, S1, "x", at(10)), "no-prosecution-running");
            rejected(arrested(), new ChangeChargeSubstantiallyCommand(CASE, S1, List.of("x"), "x", at(10)), "no-prosecution-running");
        }

        @Test
        void anAppealNeedsAConvictionAndAnAllowedAppealAgainstConvictionEndsIt() {
            rejected(listed(), new LodgeAppealCommand(CASE, S1, AppealAgainst.CONVICTION, at(70)), "not-convicted");
            rejected(convictedAfterTrial(), new LodgeAppealCommand(CASE, S1, AppealAgainst.SENTENCE, at(70)), "not-sentenced");
            rejected(convictedAfterTrial(), new DecideAppealCommand(CASE, S1, AppealOutcome.DISMISSED, at(70)), "no-appeal");
            List<Object> appealed = convictedAfterTrial();
            appealed.add(new AppealLodgedEvent(CASE, S1, AppealAgainst.CONVICTION, at(65)));
            appealed.add(new AppealDecidedEvent(CASE, S1, AppealOutcome.ALLOWED, at(80)));
            rejected(appealed, new RecordSentenceCommand(CASE, S1, SentenceType.FINE, null, List.of(), at(81)), "not-convicted");
        }
    }

    @Nested
    class RestorativeJustice {
        @Test
        void refusedUntilTheOffenderHasAdmittedGuilt() {
            rejected(convictedAfterTrial(), new RecordRestorativeJusticeStepCommand(CASE, S1, RestorativeJusticeStep.OFFERED, null, at(90)),
                    "no-admission-of-guilt");
            List<Object> admitted = arrested();
            admitted.add(new SuspectInterviewedEvent(CASE, S1, true, at(2)));
            given(admitted, new RecordRestorativeJusticeStepCommand(CASE, S1, RestorativeJusticeStep.OFFERED, null, at(3)))
                    .expectEvents(new RestorativeJusticeStepRecordedEvent(CASE, S1, RestorativeJusticeStep.OFFERED, null, at(3)));
        }

        @Test
        void aConferenceNeedsBothConsentsAndClosingNeedsAReason() {
            List<Object> offered = arrested();
            offered.add(new SuspectInterviewedEvent(CASE, S1, true, at(2)));
            rejected(offered, new RecordRestorativeJusticeStepCommand(CASE, S1, RestorativeJusticeStep.ASSESSED, null, at(3)),
                    "restorative-justice-not-open");
            offered.add(new RestorativeJusticeStepRecordedEvent(CASE, S1, RestorativeJusticeStep.OFFERED, null, at(3)));
            offered.add(new RestorativeJusticeStepRecordedEvent(CASE, S1, RestorativeJusticeStep.VICTIM_CONSENTED, null, at(4)));
            rejected(offered, new RecordRestorativeJusticeStepCommand(CASE, S1, RestorativeJusticeStep.CONFERENCE_HELD, null, at(5)),
                    "consent-missing");
            offered.add(new RestorativeJusticeStepRecordedEvent(CASE, S1, RestorativeJusticeStep.OFFENDER_CONSENTED, null, at(5)));
            given(offered, new RecordRestorativeJusticeStepCommand(CASE, S1, RestorativeJusticeStep.CONFERENCE_HELD, "Restore:London", at(6)))
                    .expectSuccessfulHandlerExecution();
            rejected(offered, new RecordRestorativeJusticeStepCommand(CASE, S1, RestorativeJusticeStep.CLOSED, null, at(6)), "reason-missing");
        }
    }
}
