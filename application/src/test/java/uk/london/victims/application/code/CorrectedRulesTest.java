package uk.london.victims.application.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.london.victims.application.code.CaseHistory.all;
import static uk.london.victims.application.code.CaseHistory.only;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.london.victims.domain.cases.Agency;
import uk.london.victims.domain.code.CodeEdition;
import uk.london.victims.domain.code.CodeRule;
import uk.london.victims.domain.code.Confidence;
import uk.london.victims.domain.code.LimitUnit;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationEvaluator;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.domain.code.RuleBasis;
import uk.london.victims.domain.code.VictimsCode;
import uk.london.victims.domain.code.WaiverReason;

/**
 * The rules corrected or added after checking the data against the Code's text (issue 11), in the shipped
 * rule data: each met, late, waived and not applicable where that can happen, and the 2015 differences.
 */
class CorrectedRulesTest {

    private static final VictimsCode CODE = VictimsCodeLoader.load(List.of("classpath*:victims-code/*.json"));
    private static final ObligationEvaluator ENGINE = new ObligationEvaluator(CODE, BankHolidays.shipped().toCalendar());
    /** Tuesday 4 June 2024, 10:00 BST. */
    private static final String DAY = "2024-06-04T09:00:00Z";
    private static final String LATER = "2024-09-01T00:00:00Z";
    private static final String DECLINED = "ContactPreferencesSet";

    private static Instant endOf(String londonDateInSummer) {
        return Instant.parse(londonDateInSummer + "T22:59:59.999999999Z");
    }

    // ------------------------------------------------------------------ R4: referral, consent

    @Test
    void r4IsMetByAReferralOrARecordedRefusalNotByANeedsAssessmentAlone() {
        CaseHistory assessed = CaseHistory.recorded(DAY, "THEFT")
                .add("NeedsAssessed", "2024-06-05T09:00:00Z", "victimId", "V1", "enhancedRightsReasons", List.of());
        Obligation notMet = only(assessed.evaluate(ENGINE, LATER), "R4-needs-assessment-and-referral");
        assertThat(notMet.status()).isEqualTo(ObligationStatus.OVERDUE);
        // Two working days after Tuesday 4 June: the end of Thursday 6 June.
        assertThat(notMet.deadline()).isEqualTo(endOf("2024-06-06"));
        assertThat(notMet.basis()).isEqualTo(RuleBasis.CODE);

        CaseHistory referred = CaseHistory.recorded(DAY, "THEFT")
                .add("SupportReferralRecorded", "2024-06-05T09:00:00Z", "victimId", "V1", "consentGiven", true, "service", "VS");
        assertThat(only(referred.evaluate(ENGINE, LATER), "R4-needs-assessment-and-referral").status())
                .isEqualTo(ObligationStatus.MET_ON_TIME);

        CaseHistory refused = CaseHistory.recorded(DAY, "THEFT")
                .add("SupportReferralRecorded", "2024-06-10T09:00:00Z", "victimId", "V1", "consentGiven", false);
        assertThat(only(refused.evaluate(ENGINE, LATER), "R4-needs-assessment-and-referral").status())
                .isEqualTo(ObligationStatus.MET_LATE);
    }

    @Test
    void r4AfterDomesticAbuseASexualOffenceOrABereavementWaitsForConsentRatherThanRunningLate() {
        for (CaseHistory history : List.of(CaseHistory.recorded(DAY, "VIOLENCE_WITH_INJURY", "DOMESTIC_ABUSE"),
                CaseHistory.recorded(DAY, "SEXUAL_OFFENCE"),
                new CaseHistory().add("CrimeReported", DAY).add("VictimAdded", DAY, "victimId", "V1", "kind", "BEREAVED_FAMILY_MEMBER")
                                 .add("CrimeRecorded", DAY, "offence", "HOMICIDE", "priorityFlags", List.of()))) {
            Obligation waiting = only(history.evaluate(ENGINE, LATER), "R4-needs-assessment-and-referral");
            assertThat(waiting.status()).isEqualTo(ObligationStatus.AWAITING_CONSENT);
            assertThat(waiting.codeBreach()).isFalse();

            history.add("SupportReferralRecorded", "2024-06-05T09:00:00Z", "victimId", "V1", "consentGiven", true, "service", "IDVA");
            assertThat(only(history.evaluate(ENGINE, LATER), "R4-needs-assessment-and-referral").status())
                    .isEqualTo(ObligationStatus.MET_ON_TIME);
        }
    }

    // ------------------------------------------------------------------ R11: Victim Contact Scheme

    private static CaseHistory sentenced(String offence, String sentence, Integer months) {
        CaseHistory history = CaseHistory.recorded(DAY, offence);
        if (months == null) {
            return history.add("SentenceRecorded", DAY, "suspectId", "S1", "sentence", sentence);
        }
        return history.add("SentenceRecorded", DAY, "suspectId", "S1", "sentence", sentence, "lengthMonths", months);
    }

    @Test
    void r11ReferralIsOwedWithinTenWorkingDaysOfAnEligibleSentence() {
        CaseHistory history = sentenced("VIOLENCE_WITH_INJURY", "IMMEDIATE_CUSTODY", 12);
        Obligation open = only(history.evaluate(ENGINE, "2024-06-05T00:00:00Z"), "R11-victim-contact-scheme-referral");
        assertThat(open.status()).isEqualTo(ObligationStatus.OPEN);
        // Ten working days after Tuesday 4 June: the end of Tuesday 18 June.
        assertThat(open.deadline()).isEqualTo(endOf("2024-06-18"));
        assertThat(open.owner()).isEqualTo(Agency.WITNESS_CARE);

        history.add("VictimContactSchemeRecorded", "2024-06-19T09:00:00Z", "victimId", "V1", "suspectId", "S1", "step", "REFERRED");
        assertThat(only(history.evaluate(ENGINE, LATER), "R11-victim-contact-scheme-referral").status())
                .isEqualTo(ObligationStatus.MET_LATE);

        CaseHistory hospital = sentenced("SEXUAL_OFFENCE", "HOSPITAL_ORDER", null)
                .add("VictimContactSchemeRecorded", "2024-06-05T09:00:00Z", "victimId", "V1", "suspectId", "S1", "step", "REFERRED");
        assertThat(only(hospital.evaluate(ENGINE, LATER), "R11-victim-contact-scheme-referral").status())
                .isEqualTo(ObligationStatus.MET_ON_TIME);

        CaseHistory declined = CaseHistory.recorded(DAY, "ROBBERY")
                .add(DECLINED, DAY, "victimId", "V1", "declinedUpdates", true, "channels", List.of(), "unsafeChannels", List.of())
                .add("SentenceRecorded", DAY, "suspectId", "S1", "sentence", "IMMEDIATE_CUSTODY", "lengthMonths", 30);
        assertThat(only(declined.evaluate(ENGINE, LATER), "R11-victim-contact-scheme-referral").waivedFor())
                .isEqualTo(WaiverReason.DECLINED);
    }

    @Test
    void anIneligibleSentenceOpensNoVictimContactSchemeObligation() {
        assertThat(all(sentenced("VIOLENCE_WITH_INJURY", "IMMEDIATE_CUSTODY", 11).evaluate(ENGINE, LATER),
                "R11-victim-contact-scheme-referral")).as("under 12 months").isEmpty();
        assertThat(all(sentenced("VIOLENCE_WITH_INJURY", "SUSPENDED_SENTENCE", 24).evaluate(ENGINE, LATER),
                "R11-victim-contact-scheme-referral")).as("suspended").isEmpty();
        assertThat(all(sentenced("FRAUD", "IMMEDIATE_CUSTODY", 36).evaluate(ENGINE, LATER),
                "R11-victim-contact-scheme-referral")).as("not a violent or sexual offence").isEmpty();
        assertThat(all(sentenced("THEFT", "HOSPITAL_ORDER", null).evaluate(ENGINE, LATER),
                "R11-victim-contact-scheme-referral")).as("a hospital order for theft").isEmpty();
    }

    @Test
    void r11TheVictimLiaisonOfficerContactsTheReferredVictimWithinTwentyWorkingDaysOfTheReferral() {
        CaseHistory history = sentenced("ROBBERY", "IMMEDIATE_CUSTODY", 48)
                .add("VictimAdded", DAY, "victimId", "V2", "kind", "DIRECT_VICTIM")
                .add("VictimContactSchemeRecorded", "2024-06-05T09:00:00Z", "victimId", "V1", "suspectId", "S1", "step", "REFERRED");
        List<Obligation> contact = all(history.evaluate(ENGINE, LATER), "R11-vlo-first-contact");
        assertThat(contact).as("owed to the referred victim only").extracting(Obligation::victimId).containsExactly("V1");
        assertThat(contact.get(0).owner()).isEqualTo(Agency.PROBATION);
        // Twenty working days after Wednesday 5 June: the end of Wednesday 3 July.
        assertThat(contact.get(0).deadline()).isEqualTo(endOf("2024-07-03"));
        assertThat(contact.get(0).status()).isEqualTo(ObligationStatus.OVERDUE);

        history.add("VictimContactSchemeRecorded", "2024-07-03T09:00:00Z", "victimId", "V1", "suspectId", "S1", "step", "FIRST_CONTACT");
        assertThat(only(history.evaluate(ENGINE, LATER), "R11-vlo-first-contact").status()).isEqualTo(ObligationStatus.MET_ON_TIME);

        CaseHistory late = sentenced("ROBBERY", "IMMEDIATE_CUSTODY", 48)
                .add("VictimContactSchemeRecorded", "2024-06-05T09:00:00Z", "victimId", "V1", "suspectId", "S1", "step", "REFERRED")
                .add("VictimContactSchemeRecorded", "2024-07-04T09:00:00Z", "victimId", "V1", "suspectId", "S1", "step", "OPTED_IN");
        assertThat(only(late.evaluate(ENGINE, LATER), "R11-vlo-first-contact").status()).isEqualTo(ObligationStatus.MET_LATE);

        CaseHistory declined = sentenced("ROBBERY", "IMMEDIATE_CUSTODY", 48)
                .add(DECLINED, DAY, "victimId", "V1", "declinedUpdates", true, "channels", List.of(), "unsafeChannels", List.of())
                .add("VictimContactSchemeRecorded", "2024-06-05T09:00:00Z", "victimId", "V1", "suspectId", "S1", "step", "REFERRED");
        assertThat(only(declined.evaluate(ENGINE, LATER), "R11-vlo-first-contact").status()).isEqualTo(ObligationStatus.WAIVED);
    }

    // ------------------------------------------------------------------ R8: evidence, warrants

    @Test
    void r8WitnessCareTellsEveryVictimWithinOneWorkingDayWhetherTheyMustGiveEvidence() {
        CaseHistory history = CaseHistory.recorded(DAY, "THEFT")
                .add("HearingListed", DAY, "hearingId", "H1", "suspectId", "S1", "type", "TRIAL");
        history.received("2024-06-05T09:00:00Z");
        Obligation owed = only(history.evaluate(ENGINE, LATER), "R8-give-evidence");
        assertThat(owed.enhanced()).isFalse();
        // One working day from Witness Care's receipt on Wednesday 5 June, for a standard victim too.
        assertThat(owed.deadline()).isEqualTo(endOf("2024-06-06"));
        assertThat(owed.status()).isEqualTo(ObligationStatus.OVERDUE);

        history.told("V1", history.last(), "2024-06-07T09:00:00Z");
        assertThat(only(history.evaluate(ENGINE, LATER), "R8-give-evidence").status()).isEqualTo(ObligationStatus.MET_LATE);

        CaseHistory declined = CaseHistory.recorded(DAY, "THEFT")
                .add(DECLINED, DAY, "victimId", "V1", "declinedUpdates", true, "channels", List.of(), "unsafeChannels", List.of())
                .add("HearingListed", DAY, "hearingId", "H1", "suspectId", "S1", "type", "TRIAL").received("2024-06-05T09:00:00Z");
        assertThat(only(declined.evaluate(ENGINE, LATER), "R8-give-evidence").waivedFor()).isEqualTo(WaiverReason.DECLINED);

        CaseHistory firstHearing = CaseHistory.recorded(DAY, "THEFT")
                .add("HearingListed", DAY, "hearingId", "H1", "suspectId", "S1", "type", "FIRST_APPEARANCE");
        assertThat(all(firstHearing.evaluate(ENGINE, LATER), "R8-give-evidence")).as("only a trial").isEmpty();
    }

    @Test
    void r8AWarrantIssuedIsToldWithinFiveWorkingDaysOrOneForAnEnhancedVictim() {
        CaseHistory standard = CaseHistory.recorded(DAY, "THEFT")
                .add("HearingOutcomeRecorded", DAY, "hearingId", "H1", "outcome", "WARRANT_ISSUED").received(DAY);
        Obligation owed = only(standard.evaluate(ENGINE, LATER), "R8-warrant-issued");
        assertThat(owed.deadline()).isEqualTo(endOf("2024-06-11"));
        standard.told("V1", standard.last(), "2024-06-10T09:00:00Z");
        assertThat(only(standard.evaluate(ENGINE, LATER), "R8-warrant-issued").status()).isEqualTo(ObligationStatus.MET_ON_TIME);

        CaseHistory enhanced = CaseHistory.recorded(DAY, "THEFT", "HATE_CRIME")
                .add("HearingOutcomeRecorded", DAY, "hearingId", "H1", "outcome", "WARRANT_ISSUED").received(DAY);
        assertThat(only(enhanced.evaluate(ENGINE, LATER), "R8-warrant-issued").deadline()).isEqualTo(endOf("2024-06-05"));
        enhanced.told("V1", enhanced.last(), "2024-06-06T09:00:00Z");
        assertThat(only(enhanced.evaluate(ENGINE, LATER), "R8-warrant-issued").status()).isEqualTo(ObligationStatus.MET_LATE);

        CaseHistory unsafe = CaseHistory.recorded(DAY, "THEFT")
                .add(DECLINED, DAY, "victimId", "V1", "declinedUpdates", false, "channels", List.of(), "unsafeChannels", List.of("SMS"))
                .add("HearingOutcomeRecorded", DAY, "hearingId", "H1", "outcome", "WARRANT_ISSUED").received(DAY);
        assertThat(only(unsafe.evaluate(ENGINE, LATER), "R8-warrant-issued").waivedFor()).isEqualTo(WaiverReason.NOT_SAFE_TO_CONTACT);
        assertThat(all(unsafe.evaluate(ENGINE, LATER), "R8-bail-outcome")).as("a warrant is not a bail outcome").isEmpty();
    }

    // ------------------------------------------------------------------ Right to Review, complaints

    @Test
    void thePoliceReviewOfNoFurtherActionIsALocalStandardAcknowledgedInTenAndDecidedInThirtyWorkingDays() {
        CaseHistory history = CaseHistory.recorded(DAY, "THEFT")
                .add("DecisionReviewRequested", DAY, "victimId", "V1", "suspectId", "S1", "decision", "POLICE_NO_FURTHER_ACTION");
        long request = history.last();
        history.told("V1", request, "2024-06-20T09:00:00Z");
        List<Obligation> obligations = history.evaluate(ENGINE, LATER);
        Obligation acknowledged = only(obligations, "VRR-police-acknowledged");
        Obligation decided = only(obligations, "VRR-police-decided");
        assertThat(acknowledged.basis()).isEqualTo(RuleBasis.LOCAL_STANDARD);
        assertThat(acknowledged.deadline()).isEqualTo(endOf("2024-06-18"));
        assertThat(acknowledged.status()).isEqualTo(ObligationStatus.MET_LATE);
        assertThat(decided.deadline()).isEqualTo(endOf("2024-07-16"));
        assertThat(decided.status()).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(decided.codeBreach()).as("a missed local standard is not a Code breach").isFalse();

        CaseHistory cps = CaseHistory.recorded(DAY, "THEFT")
                .add("DecisionReviewRequested", DAY, "victimId", "V1", "suspectId", "S1", "decision", "CPS_NO_CHARGE");
        assertThat(all(cps.evaluate(ENGINE, LATER), "VRR-police-decided")).as("the CPS scheme is not the police's").isEmpty();
    }

    @Test
    void aComplaintIsMetByAnAcknowledgementOrAFullAnswerAndIsOwedToTheVictimWhoComplained() {
        CaseHistory history = CaseHistory.recorded(DAY, "THEFT")
                .add("VictimAdded", DAY, "victimId", "V2", "kind", "DIRECT_VICTIM")
                .add("ComplaintMade", DAY, "victimId", "V1", "complaintId", "K1", "agency", "CPS")
                .add("ComplaintResponseRecorded", "2024-06-10T09:00:00Z", "victimId", "V1", "complaintId", "K1", "step", "ANSWERED");
        List<Obligation> owed = all(history.evaluate(ENGINE, LATER), "R12-complaint-acknowledged");
        assertThat(owed).extracting(Obligation::victimId).containsExactly("V1");
        assertThat(owed.get(0).owner()).isEqualTo(Agency.CPS);
        assertThat(owed.get(0).status()).isEqualTo(ObligationStatus.MET_ON_TIME);
    }

    // ------------------------------------------------------------------ Code limits and local standards

    @Test
    void limitsTheCodeDoesNotSetAreLocalStandardsAndEveryRuleNamesItsSource() {
        for (CodeEdition edition : CODE.editions()) {
            for (String local : List.of("R2-crime-recorded", "R3-written-acknowledgement", "R5-compensation-information",
                    "R7-personal-statement-offered", "R7-personal-statement-offered-cps-charge")) {
                assertThat(rule(edition, local).basis()).as(edition.id() + " " + local).isEqualTo(RuleBasis.LOCAL_STANDARD);
            }
            for (String code : List.of("R4-needs-assessment-and-referral", "R6-police-decision", "R6-cps-decision-letter",
                    "R8-hearing-date", "R9-case-outcome", "R11-victim-contact-scheme-referral")) {
                assertThat(rule(edition, code).basis()).as(edition.id() + " " + code).isEqualTo(RuleBasis.CODE);
            }
            assertThat(edition.rules()).allSatisfy(rule -> assertThat(rule.source()).contains(
                    rule.basis() == RuleBasis.LOCAL_STANDARD ? "standard" : edition.id()));
        }
        assertThat(rule(CODE.editions().get(1), "R6-update-requested").basis()).isEqualTo(RuleBasis.LOCAL_STANDARD);
    }

    @Test
    void aForceSetsItsOwnLocalStandardsButCannotChangeACodeLimit() {
        VictimsCode local = VictimsCodeLoader.load(List.of("classpath*:victims-code/*.json"), "classpath:local-standards-example.json");
        CodeRule acknowledgement = rule(local.editions().get(1), "R3-written-acknowledgement");
        assertThat(acknowledgement.standard().amount()).isEqualTo(3);
        assertThat(acknowledgement.standard().unit()).isEqualTo(LimitUnit.WORKING_DAYS);
        assertThat(acknowledgement.source()).contains("Example Constabulary");
        assertThat(rule(local.editions().get(1), "R6-update-requested").enhanced().amount())
                .as("no enhanced limit given: the standard one for everyone").isEqualTo(2);
        assertThat(rule(local.editions().get(1), "R6-police-decision").standard().amount()).isEqualTo(5);

        assertThatThrownBy(() -> VictimsCodeLoader.load(List.of("classpath*:victims-code/*.json"),
                "classpath:local-standards-bad/code-limit.json"))
                .hasMessageContaining("R6-police-decision").hasMessageContaining("not a local standard");
        assertThatThrownBy(() -> VictimsCodeLoader.load(List.of("classpath*:victims-code/*.json"),
                "classpath:local-standards-bad/unknown-rule.json"))
                .hasMessageContaining("R3-acknowledgment");
    }

    // ------------------------------------------------------------------ the 2015 edition where it differs

    /** Tuesday 4 June 2019, 10:00 BST: the 2015 edition. */
    private static final String DAY_2015 = "2019-06-04T09:00:00Z";

    private static CaseHistory recorded2015(String offence, String... flags) {
        return CaseHistory.recorded(DAY_2015, offence, flags);
    }

    @Test
    void in2015ThePoliceToldTheFirstHearingAndWitnessCareTheLaterOnes() {
        CaseHistory history = recorded2015("THEFT").add("HearingListed", DAY_2015, "hearingId", "H1", "suspectId", "S1",
                "type", "FIRST_APPEARANCE");
        List<Obligation> obligations = history.evaluate(ENGINE, "2019-09-01T00:00:00Z");
        Obligation first = only(obligations, "R8-first-hearing-police");
        assertThat(first.owner()).isEqualTo(Agency.POLICE);
        assertThat(first.deadline()).isEqualTo(endOf("2019-06-11"));
        assertThat(first.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(all(obligations, "R8-hearing-date")).isEmpty();

        CaseHistory trial = recorded2015("THEFT").add("HearingListed", DAY_2015, "hearingId", "H2", "suspectId", "S1", "type", "TRIAL");
        assertThat(all(trial.evaluate(ENGINE, "2019-09-01T00:00:00Z"), "R8-first-hearing-police")).isEmpty();
        assertThat(all(trial.evaluate(ENGINE, "2019-09-01T00:00:00Z"), "R8-give-evidence"))
                .as("no 2015 text found for it: not encoded").isEmpty();
    }

    @Test
    void in2015EveryHearingOutcomeWasToldWithinOneWorkingDayOfWitnessCaresReceipt() {
        CaseHistory history = recorded2015("THEFT").add("HearingOutcomeRecorded", DAY_2015, "hearingId", "H1", "outcome", "BAILED")
                                                   .received(DAY_2015);
        List<Obligation> obligations = history.evaluate(ENGINE, "2019-09-01T00:00:00Z");
        Obligation outcome = only(obligations, "R8-hearing-outcome");
        assertThat(outcome.enhanced()).isFalse();
        assertThat(outcome.deadline()).isEqualTo(endOf("2019-06-05"));
        assertThat(all(obligations, "R8-bail-outcome")).isEmpty();
    }

    @Test
    void in2015TheVictimContactSchemeReferralTookTwentyWorkingDaysAndNoLiaisonOfficerLimitIsEncoded() {
        CaseHistory history = recorded2015("ROBBERY")
                .add("SentenceRecorded", DAY_2015, "suspectId", "S1", "sentence", "IMMEDIATE_CUSTODY", "lengthMonths", 24)
                .add("VictimContactSchemeRecorded", "2019-06-05T09:00:00Z", "victimId", "V1", "suspectId", "S1", "step", "REFERRED");
        List<Obligation> obligations = history.evaluate(ENGINE, "2019-09-01T00:00:00Z");
        // Twenty working days after Tuesday 4 June 2019: the end of Tuesday 2 July 2019.
        assertThat(only(obligations, "R11-victim-contact-scheme-referral").deadline()).isEqualTo(endOf("2019-07-02"));
        assertThat(all(obligations, "R11-vlo-first-contact")).isEmpty();
    }

    private static CodeRule rule(CodeEdition edition, String id) {
        return edition.rules().stream().filter(r -> r.id().equals(id)).findFirst()
                      .orElseThrow(() -> new AssertionError(id + " not in " + edition.id()));
    }
}
