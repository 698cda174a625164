package uk.london.victims.domain.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.london.victims.domain.cases.victims.AddDelegateCommand;
import uk.london.victims.domain.cases.victims.AddVictimCommand;
import uk.london.victims.domain.cases.victims.GrantEnhancedRightsByDiscretionCommand;
import uk.london.victims.domain.cases.victims.MakeComplaintCommand;
import uk.london.victims.domain.cases.victims.RateTreatmentCommand;
import uk.london.victims.domain.cases.victims.RecordComplaintResponseCommand;
import uk.london.victims.domain.cases.victims.RecordDelegateConsentCommand;
import uk.london.victims.domain.cases.victims.RecordEqualityDataCommand;
import uk.london.victims.domain.cases.victims.RecordNeedsAssessmentCommand;
import uk.london.victims.domain.cases.victims.RecordPersistentTargetingCommand;
import uk.london.victims.domain.cases.victims.RecordSupportReferralCommand;
import uk.london.victims.domain.cases.victims.RecordVictimContactSchemeCommand;
import uk.london.victims.domain.cases.victims.RecordVictimInformedCommand;
import uk.london.victims.domain.cases.victims.RecordVictimPersonalStatementCommand;
import uk.london.victims.domain.cases.victims.RequestUpdateCommand;
import uk.london.victims.domain.cases.victims.SendMessageCommand;
import uk.london.victims.domain.cases.victims.SetContactPreferencesCommand;
import uk.london.victims.domain.geography.Borough;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/** The victim's side of the case: who they are (sealed), what they need, how to reach them, what they said. */
class CaseVictimsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final CaseId CASE = new CaseId("case-0000-0002");
    private static final PersonId V1 = new PersonId("victim-0001");
    private static final PersonId OTHER = new PersonId("person-9999");
    private static final SuspectId S1 = new SuspectId("S1");
    private static final Instant T0 = Instant.parse("2026-03-01T20:15:00Z");
    private static final Sealed DETAILS = new Sealed(V1, "v1:opaque");

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.givenCurrentTime(NOW);
    }

    private static Instant at(int day) {
        return T0.plus(Duration.ofDays(day));
    }

    private static List<Object> withVictim() {
        List<Object> h = new ArrayList<>(List.of(new CrimeReportedEvent(CASE, ReportChannel.ONLINE, T0),
                new VictimAddedEvent(CASE, V1, VictimKind.DIRECT_VICTIM, DETAILS, false, at(0))));
        return h;
    }

    private static List<Object> sentenced() {
        List<Object> h = withVictim();
        h.addAll(List.of(
                new CrimeRecordedEvent(CASE, "CRIS-1/26", OffenceCategory.SEXUAL_OFFENCE, Borough.CAMDEN,
                        Set.of(PriorityFlag.SEXUAL_VIOLENCE), Set.of(), at(0)),
                new SuspectIdentifiedEvent(CASE, S1, at(1)),
                new SuspectChargedEvent(CASE, S1, List.of("Sexual assault"), at(2)),
                new HearingListedEvent(CASE, new HearingId("H1"), S1, "Snaresbrook Crown Court", at(30), HearingType.TRIAL, at(3)),
                new VerdictRecordedEvent(CASE, S1, Verdict.GUILTY, at(60)),
                new SentenceRecordedEvent(CASE, S1, SentenceType.IMMEDIATE_CUSTODY, 36, List.of(), at(80))));
        return h;
    }

    private void rejected(List<Object> history, Object command, String code) {
        fixture.given(history).when(command).expectNoEvents().expectException(CaseRuleViolationException.class)
               .expectException(CaseRuleMatchers.withCode(code));
    }


    @Test
    void aVictimIsAddedOnceWithDetailsSealedUnderTheirOwnKey() {
        fixture.given(new CrimeReportedEvent(CASE, ReportChannel.ONLINE, T0))
               .when(new AddVictimCommand(CASE, V1, VictimKind.DIRECT_VICTIM, DETAILS, true, at(0)))
               .expectEvents(new VictimAddedEvent(CASE, V1, VictimKind.DIRECT_VICTIM, DETAILS, true, at(0)));
        rejected(withVictim(), new AddVictimCommand(CASE, V1, VictimKind.DIRECT_VICTIM, DETAILS, false, at(1)), "victim-already-added");
        rejected(withVictim(), new AddVictimCommand(CASE, OTHER, VictimKind.DIRECT_VICTIM, DETAILS, false, at(1)),
                "sealed-for-another-person");
        rejected(withVictim(), new AddVictimCommand(CASE, OTHER, null, new Sealed(OTHER, "x"), false, at(1)), "kind-missing");
    }

    @Test
    void theNeedsAssessmentRecordsTheEnhancedRightsGateway() {
        fixture.given(withVictim())
               .when(new RecordNeedsAssessmentCommand(CASE, V1, Set.of(EnhancedRightsReason.INTIMIDATED), true, "Polish", at(1)))
               .expectEvents(new NeedsAssessedEvent(CASE, V1, Set.of(EnhancedRightsReason.INTIMIDATED), true, "Polish", at(1)));
        rejected(withVictim(), new RecordNeedsAssessmentCommand(CASE, V1, Set.of(), true, " ", at(1)), "language-missing");
        rejected(withVictim(), new RecordNeedsAssessmentCommand(CASE, OTHER, Set.of(), false, null, at(1)), "unknown-victim");
    }

    @Test
    void persistentTargetingIsRecordedOnceFromOtherCasesOrAnOfficersReason() {
        fixture.given(withVictim())
               .when(new RecordPersistentTargetingCommand(CASE, V1, PersistentTargetingSource.REPEAT_VICTIMISATION,
                       List.of("case-0000-0007", "case-0000-0009"), null, at(1)))
               .expectEvents(new VictimPersistentlyTargetedEvent(CASE, V1, PersistentTargetingSource.REPEAT_VICTIMISATION,
                       List.of("case-0000-0007", "case-0000-0009"), null, at(1)));
        fixture.given(withVictim())
               .when(new RecordPersistentTargetingCommand(CASE, V1, PersistentTargetingSource.OFFICER_ASSESSMENT, null,
                       "Targeted by the same neighbours since January", at(1)))
               .expectEvents(new VictimPersistentlyTargetedEvent(CASE, V1, PersistentTargetingSource.OFFICER_ASSESSMENT, List.of(),
                       "Targeted by the same neighbours since January", at(1)));

        rejected(withVictim(), new RecordPersistentTargetingCommand(CASE, V1, null, List.of("case-0000-0007"), null, at(1)),
                "source-missing");
        rejected(withVictim(), new RecordPersistentTargetingCommand(CASE, V1, PersistentTargetingSource.REPEAT_VICTIMISATION,
                List.of(), null, at(1)), "other-cases-missing");
        rejected(withVictim(), new RecordPersistentTargetingCommand(CASE, V1, PersistentTargetingSource.REPEAT_VICTIMISATION,
                List.of(CASE.value()), null, at(1)), "other-cases-invalid");
        rejected(withVictim(), new RecordPersistentTargetingCommand(CASE, V1, PersistentTargetingSource.OFFICER_ASSESSMENT,
                null, " ", at(1)), "reason-missing");
        rejected(withVictim(), new RecordPersistentTargetingCommand(CASE, OTHER, PersistentTargetingSource.OFFICER_ASSESSMENT,
                null, "reason", at(1)), "unknown-victim");
        List<Object> recorded = withVictim();
        recorded.add(new VictimPersistentlyTargetedEvent(CASE, V1, PersistentTargetingSource.OFFICER_ASSESSMENT, List.of(),
                "reason", at(1)));
        rejected(recorded, new RecordPersistentTargetingCommand(CASE, V1, PersistentTargetingSource.REPEAT_VICTIMISATION,
                List.of("case-0000-0007"), null, at(2)), "already-persistently-targeted");
    }

    @Test
    void enhancedRightsByDiscretionNeedAReason() {
        fixture.given(withVictim())
               .when(new GrantEnhancedRightsByDiscretionCommand(CASE, V1, "Victim is a carer with no support", at(1)))
               .expectEvents(new EnhancedRightsGrantedByDiscretionEvent(CASE, V1, "Victim is a carer with no support", at(1)));
        rejected(withVictim(), new GrantEnhancedRightsByDiscretionCommand(CASE, V1, "", at(1)), "reason-missing");
        rejected(withVictim(), new GrantEnhancedRightsByDiscretionCommand(CASE, OTHER, "reason", at(1)), "unknown-victim");
    }

    @Test
    void contactPreferencesNeverPreferAnUnsafeChannel() {
        fixture.given(withVictim())
               .when(new SetContactPreferencesCommand(CASE, V1, Set.of(ContactChannel.EMAIL), Set.of(ContactChannel.PHONE), false, 28, at(1)))
               .expectSuccessfulHandlerExecution();
        rejected(withVictim(), new SetContactPreferencesCommand(CASE, V1, Set.of(ContactChannel.PHONE),
                Set.of(ContactChannel.PHONE), false, null, at(1)), "channel-unsafe");
        rejected(withVictim(), new SetContactPreferencesCommand(CASE, V1, Set.of(), Set.of(), false, null, at(1)), "channels-missing");
        fixture.given(withVictim())
               .when(new SetContactPreferencesCommand(CASE, V1, Set.of(), Set.of(), true, null, at(1)))
               .expectSuccessfulHandlerExecution();
        rejected(withVictim(), new SetContactPreferencesCommand(CASE, V1, Set.of(ContactChannel.SMS), Set.of(), false, 0, at(1)),
                "update-interval-invalid");
    }

    @Test
    void aReferralNamesItsServiceWhenTheVictimConsents() {
        fixture.given(withVictim()).when(new RecordSupportReferralCommand(CASE, V1, false, null, at(1)))
               .expectSuccessfulHandlerExecution();
        rejected(withVictim(), new RecordSupportReferralCommand(CASE, V1, true, "", at(1)), "service-missing");
        fixture.given(withVictim()).when(new RecordEqualityDataCommand(CASE, V1, AgeBand.AGE_25_34, null, null, null, at(1)))
               .expectSuccessfulHandlerExecution();
        rejected(withVictim(), new RecordEqualityDataCommand(CASE, OTHER, AgeBand.AGE_25_34, null, null, null, at(1)), "unknown-victim");
        rejected(withVictim(), new RecordSupportReferralCommand(CASE, OTHER, false, null, at(1)), "unknown-victim");
    }

    @Test
    void aStatementIsUpdatedOrReadOnlyAfterItWasMadeAndReadOnlyAfterConviction() {
        rejected(withVictim(), new RecordVictimPersonalStatementCommand(CASE, V1, VictimPersonalStatementStep.UPDATED, null, at(1)),
                "statement-not-made");
        List<Object> made = withVictim();
        made.add(new VictimPersonalStatementRecordedEvent(CASE, V1, VictimPersonalStatementStep.MADE, true, at(1)));
        rejected(made, new RecordVictimPersonalStatementCommand(CASE, V1, VictimPersonalStatementStep.READ_AT_SENTENCE, null, at(2)),
                "not-convicted");
        List<Object> madeAndSentenced = sentenced();
        madeAndSentenced.add(new VictimPersonalStatementRecordedEvent(CASE, V1, VictimPersonalStatementStep.MADE, true, at(50)));
        fixture.given(madeAndSentenced)
               .when(new RecordVictimPersonalStatementCommand(CASE, V1, VictimPersonalStatementStep.READ_AT_SENTENCE, null, at(80)))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void theVictimContactSchemeFollowsASentence() {
        List<Object> charged = withVictim();
        charged.addAll(List.of(new CrimeRecordedEvent(CASE, "CRIS-1/26", OffenceCategory.ROBBERY, Borough.CAMDEN, Set.of(), Set.of(), at(0)),
                new SuspectIdentifiedEvent(CASE, S1, at(1)), new SuspectChargedEvent(CASE, S1, List.of("Robbery"), at(2))));
        rejected(charged, new RecordVictimContactSchemeCommand(CASE, V1, S1, VictimContactSchemeStep.REFERRED, at(3)), "not-sentenced");
        rejected(sentenced(), new RecordVictimContactSchemeCommand(CASE, V1, S1, null, at(85)), "step-missing");
        fixture.given(sentenced()).when(new RecordVictimContactSchemeCommand(CASE, V1, S1, VictimContactSchemeStep.REFERRED, at(85)))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void complaintsAreAnsweredAfterTheyAreMade() {
        Sealed text = new Sealed(V1, "v1:complaint");
        fixture.given(withVictim()).when(new MakeComplaintCommand(CASE, V1, "C1", Agency.POLICE, text, at(5)))
               .expectEvents(new ComplaintMadeEvent(CASE, V1, "C1", Agency.POLICE, text, at(5)));
        List<Object> complained = withVictim();
        complained.add(new ComplaintMadeEvent(CASE, V1, "C1", Agency.POLICE, text, at(5)));
        rejected(complained, new MakeComplaintCommand(CASE, V1, "C1", Agency.POLICE, text, at(6)), "complaint-already-made");
        rejected(complained, new RecordComplaintResponseCommand(CASE, V1, "C1", ComplaintStep.ACKNOWLEDGED, at(4)),
                "response-before-complaint");
        rejected(complained, new RecordComplaintResponseCommand(CASE, V1, "C2", ComplaintStep.ACKNOWLEDGED, at(6)), "unknown-complaint");
        fixture.given(complained).when(new RecordComplaintResponseCommand(CASE, V1, "C1", ComplaintStep.ANSWERED, at(9)))
               .expectEvents(new ComplaintResponseRecordedEvent(CASE, V1, "C1", ComplaintStep.ANSWERED, at(9)));
        rejected(withVictim(), new MakeComplaintCommand(CASE, V1, "C1", Agency.POLICE, new Sealed(OTHER, "x"), at(5)),
                "sealed-for-another-person");
    }

    @Test
    void tellingAVictimNamesWhichVictimOnceTheCaseHasAny() {
        rejected(withVictim(), new RecordVictimInformedCommand(CASE, null, null, null, ContactChannel.PHONE, "PC 1", at(1)), "victim-missing");
        rejected(withVictim(), new RecordVictimInformedCommand(CASE, OTHER, null, null, ContactChannel.PHONE, "PC 1", at(1)), "unknown-victim");
        fixture.given(withVictim()).when(new RecordVictimInformedCommand(CASE, V1, 1L, "That they are a victim in the case",
                        ContactChannel.PHONE, "PC 1", at(1)))
               .expectEvents(new VictimInformedEvent(CASE, V1, 1L, "That they are a victim in the case", ContactChannel.PHONE, "PC 1", at(1)));
        // The evidence must point at an event that exists: here the case has events 0 and 1 only.
        rejected(withVictim(), new RecordVictimInformedCommand(CASE, V1, 2L, "x", ContactChannel.PHONE, "PC 1", at(1)), "unknown-event");
        rejected(withVictim(), new RecordVictimInformedCommand(CASE, V1, -1L, "x", ContactChannel.PHONE, "PC 1", at(1)), "unknown-event");
    }

    @Test
    void theVictimCanAskForAnUpdateWriteToAnAgencyAndRateTheirTreatment() {
        fixture.given(withVictim()).when(new RequestUpdateCommand(CASE, V1, Agency.POLICE, at(2)))
               .expectEvents(new UpdateRequestedEvent(CASE, V1, Agency.POLICE, at(2)));
        rejected(withVictim(), new RequestUpdateCommand(CASE, OTHER, Agency.POLICE, at(2)), "unknown-victim");
        rejected(withVictim(), new RequestUpdateCommand(CASE, V1, null, at(2)), "agency-missing");

        Sealed text = new Sealed(V1, "v1:message");
        fixture.given(withVictim()).when(new SendMessageCommand(CASE, V1, "m-1", Agency.POLICE, text, at(2)))
               .expectEvents(new MessageFromVictimEvent(CASE, V1, "m-1", Agency.POLICE, text, at(2)));
        rejected(withVictim(), new SendMessageCommand(CASE, V1, "m-1", Agency.POLICE, new Sealed(OTHER, "x"), at(2)),
                "sealed-for-another-person");
        rejected(withVictim(), new SendMessageCommand(CASE, V1, " ", Agency.POLICE, text, at(2)), "message-id-missing");

        fixture.given(withVictim()).when(new RateTreatmentCommand(CASE, V1, ServiceStage.REPORTING, 4, at(2)))
               .expectEvents(new TreatmentRatedEvent(CASE, V1, ServiceStage.REPORTING, 4, at(2)));
        rejected(withVictim(), new RateTreatmentCommand(CASE, V1, ServiceStage.REPORTING, 0, at(2)), "rating-out-of-range");
        rejected(withVictim(), new RateTreatmentCommand(CASE, V1, ServiceStage.REPORTING, 6, at(2)), "rating-out-of-range");
        rejected(withVictim(), new RateTreatmentCommand(CASE, V1, null, 3, at(2)), "stage-missing");
    }

    @Test
    void aDelegateActsForOneVictimAndConsentIsRecordedAgainstThatVictim() {
        PersonId isva = new PersonId("person-isva");
        Sealed isvaDetails = new Sealed(isva, "isva:opaque");
        fixture.given(withVictim())
               .when(new AddDelegateCommand(CASE, isva, V1, DelegateRole.INDEPENDENT_SEXUAL_VIOLENCE_ADVISER, isvaDetails, at(1)))
               .expectEvents(new DelegateAddedEvent(CASE, isva, V1, DelegateRole.INDEPENDENT_SEXUAL_VIOLENCE_ADVISER, isvaDetails, at(1)));
        List<Object> withDelegate = withVictim();
        withDelegate.add(new DelegateAddedEvent(CASE, isva, V1, DelegateRole.INDEPENDENT_SEXUAL_VIOLENCE_ADVISER, isvaDetails, at(1)));
        fixture.given(withDelegate).when(new RecordDelegateConsentCommand(CASE, isva, true, at(2)))
               .expectEvents(new DelegateConsentRecordedEvent(CASE, isva, V1, true, at(2)));
        rejected(withDelegate, new AddDelegateCommand(CASE, isva, V1, DelegateRole.FAMILY_SPOKESPERSON, isvaDetails, at(2)),
                "delegate-already-added");
        rejected(withDelegate, new AddDelegateCommand(CASE, V1, V1, DelegateRole.FAMILY_SPOKESPERSON, DETAILS, at(2)),
                "delegate-already-added");
        rejected(withVictim(), new RecordDelegateConsentCommand(CASE, isva, true, at(2)), "unknown-delegate");
        rejected(withVictim(), new AddDelegateCommand(CASE, isva, OTHER, DelegateRole.FAMILY_SPOKESPERSON, isvaDetails, at(2)),
                "unknown-victim");
    }
}
