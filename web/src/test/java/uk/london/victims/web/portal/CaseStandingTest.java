package uk.london.victims.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.london.victims.domain.cases.Agency;
import uk.london.victims.projections.timeline.CaseTimelineView;
import uk.london.victims.projections.timeline.TimelineEntryView;

/**
 * The wording of where a victim's case stands (issue 13): the sentence in words, the orders and bail rules that
 * protect them, the agencies they may ask or complain to, where their statement goes, and their reviews.
 */
class CaseStandingTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private static TimelineEntryView entry(long sequence, String type, String agency, Map<String, Object> details) {
        return new TimelineEntryView(sequence, type, agency, AT.plusSeconds(sequence * 86_400), AT, null, false, details);
    }

    private static CaseTimelineView timeline(TimelineEntryView... entries) {
        List<TimelineEntryView> all = new ArrayList<>(List.of(entry(0, "CrimeReported", "POLICE", Map.of()),
                entry(1, "CrimeRecorded", "POLICE", Map.of("offence", "VIOLENCE_WITH_INJURY"))));
        all.addAll(List.of(entries));
        return new CaseTimelineView("case-1", all.size(), all);
    }

    @Test
    void aSentenceReadsAsTheCourtWouldSayIt() {
        assertThat(CaseStanding.sentenceInWords("IMMEDIATE_CUSTODY", 18)).isEqualTo("18 months in prison");
        assertThat(CaseStanding.sentenceInWords("IMMEDIATE_CUSTODY", 30)).isEqualTo("30 months in prison");
        assertThat(CaseStanding.sentenceInWords("IMMEDIATE_CUSTODY", 60)).isEqualTo("5 years in prison");
        assertThat(CaseStanding.sentenceInWords("IMMEDIATE_CUSTODY", 12)).isEqualTo("1 year in prison");
        assertThat(CaseStanding.sentenceInWords("IMMEDIATE_CUSTODY", 1)).isEqualTo("1 month in prison");
        assertThat(CaseStanding.sentenceInWords("IMMEDIATE_CUSTODY", null)).isEqualTo("a prison sentence");
        assertThat(CaseStanding.sentenceInWords("SUSPENDED_SENTENCE", 6)).startsWith("6 months in prison, suspended")
                .contains("does not go to prison unless");
        assertThat(CaseStanding.sentenceInWords("COMMUNITY_ORDER", 24)).startsWith("a community order for 2 years");
        assertThat(CaseStanding.sentenceInWords("FINE", null)).isEqualTo("a fine");
        assertThat(CaseStanding.sentenceInWords("HOSPITAL_ORDER", null)).startsWith("a hospital order");
        assertThat(CaseStanding.sentenceInWords("OTHER", 3)).contains("Witness Care Unit will explain");
    }

    @Test
    void onlyOrdersAboutTheVictimsSafetyAreShownAndARestrainingOrderSaysHowLongItLasts() {
        assertThat(CaseStanding.orderForVictim("Restraining order, 5 years")).hasValueSatisfying(text -> assertThat(text)
                .startsWith("A restraining order for 5 years: the offender must not contact you").contains("call 999"));
        assertThat(CaseStanding.orderForVictim("Restraining order until further order")).hasValueSatisfying(text ->
                assertThat(text).startsWith("A restraining order with no end date"));
        assertThat(CaseStanding.orderForVictim("Restraining order, 1 year")).hasValueSatisfying(text ->
                assertThat(text).startsWith("A restraining order for 1 year:"));
        assertThat(CaseStanding.orderForVictim("Compensation order, £500")).contains("Compensation order, £500");
        assertThat(CaseStanding.orderForVictim("Forfeiture and destruction of the knife")).isEmpty();
        assertThat(CaseStanding.orderForVictim("Disqualified from driving for 2 years")).isEmpty();
    }

    @Test
    void theOutcomeHasThePleaTheSentenceAndTheOrdersAndBailRulesOnlyWhileBailLasts() {
        TimelineEntryView bail = entry(2, "SuspectReleasedOnBail", "POLICE", Map.of("suspectId", "S1", "conditions",
                List.of("Not to contact the victim directly or indirectly", "Not to enter Lambeth", "Reside at home address",
                        "Report to Brixton police station weekly")));
        CaseStanding.Outcome onBail = CaseStanding.outcome(timeline(bail));
        assertThat(onBail.bailRules()).containsExactly("Not to contact the victim directly or indirectly", "Not to enter Lambeth");
        assertThat(onBail.any()).as("bail is not an outcome").isFalse();

        CaseStanding.Outcome sentenced = CaseStanding.outcome(timeline(bail,
                entry(3, "HearingListed", "COURT", Map.of("hearingId", "H1", "suspectId", "S1")),
                entry(4, "HearingOutcomeRecorded", "COURT", Map.of("hearingId", "H1", "outcome", "GUILTY_PLEA")),
                entry(5, "SentenceRecorded", "COURT", Map.of("suspectId", "S1", "sentence", "IMMEDIATE_CUSTODY", "lengthMonths", 18,
                        "ancillaryOrders", List.of("Restraining order, 5 years", "Victim surcharge")))));
        assertThat(sentenced.verdict()).isEqualTo("The defendant pleaded guilty.");
        assertThat(sentenced.sentence()).isEqualTo("18 months in prison");
        assertThat(sentenced.orders()).hasSize(2).first().asString().startsWith("A restraining order for 5 years");
        assertThat(sentenced.bailRules()).as("bail ended with the sentence").isEmpty();

        assertThat(CaseStanding.outcome(timeline(bail, entry(3, "BailCancelled", "POLICE", Map.of("suspectId", "S1")))).bailRules())
                .isEmpty();
        assertThat(CaseStanding.outcome(timeline(entry(2, "VerdictRecorded", "COURT", Map.of("suspectId", "S1", "verdict", "NOT_GUILTY"))))
                .verdict()).isEqualTo("The defendant was found not guilty.");
    }

    @Test
    void theAgenciesInvolvedGrowAsTheCaseMovesOnAndAStepNotForTheVictimRevealsNone() {
        assertThat(CaseStanding.agenciesInvolved(timeline())).containsExactly(Agency.POLICE);
        assertThat(CaseStanding.agenciesInvolved(timeline(entry(2, "FileSentToCps", "POLICE", Map.of("suspectId", "S1")))))
                .containsExactly(Agency.POLICE, Agency.CPS);
        assertThat(CaseStanding.agenciesInvolved(timeline(entry(2, "SuspectCharged", "POLICE", Map.of("suspectId", "S1")),
                entry(3, "HearingListed", "COURT", Map.of("hearingId", "H1", "suspectId", "S1")))))
                .containsExactly(Agency.POLICE, Agency.CPS, Agency.WITNESS_CARE, Agency.COURT);
        assertThat(CaseStanding.agenciesInvolved(timeline(entry(2, "SentenceRecorded", "COURT",
                Map.of("suspectId", "S1", "sentence", "COMMUNITY_ORDER"))))).contains(Agency.PROBATION);
        assertThat(CaseStanding.agenciesInvolved(timeline(entry(2, "SentenceRecorded", "COURT",
                Map.of("suspectId", "S1", "sentence", "FINE"))))).doesNotContain(Agency.PROBATION);
        TimelineEntryView hidden = new TimelineEntryView(2, "FileSentToCps", "POLICE", AT, AT, null, true, Map.of("suspectId", "S1"));
        assertThat(CaseStanding.agenciesInvolved(timeline(hidden))).containsExactly(Agency.POLICE);
    }

    @Test
    void aStatementGoesToCourtOnlyWhileAProsecutionIsUnderWay() {
        assertThat(CaseStanding.statementGoes(timeline())).isEqualTo(CaseStanding.StatementGoes.NOT_PROSECUTED);
        TimelineEntryView charged = entry(2, "ChargingDecisionMade", "CPS", Map.of("suspectId", "S1", "decision", "CHARGE"));
        assertThat(CaseStanding.statementGoes(timeline(charged))).isEqualTo(CaseStanding.StatementGoes.PROSECUTED);
        assertThat(CaseStanding.statementGoes(timeline(charged, entry(3, "ProsecutionDiscontinued", "CPS", Map.of("suspectId", "S1")))))
                .isEqualTo(CaseStanding.StatementGoes.NOT_PROSECUTED);
        assertThat(CaseStanding.statementGoes(timeline(charged, entry(3, "SentenceRecorded", "COURT", Map.of("suspectId", "S1")))))
                .isEqualTo(CaseStanding.StatementGoes.CONCLUDED);
        assertThat(CaseStanding.statementGoes(timeline(entry(2, "ChargingDecisionMade", "CPS",
                Map.of("suspectId", "S1", "decision", "NO_FURTHER_ACTION"))))).isEqualTo(CaseStanding.StatementGoes.NOT_PROSECUTED);
    }

    @Test
    void theVictimsOwnStepsAreTheirsAndAStatementIsOneStepThatSaysWhoReceivesIt() {
        VictimSteps steps = new VictimSteps();
        TimelineEntryView message = new TimelineEntryView(5, "MessageFromVictim", "VICTIM", AT, AT, "victim-portal", false,
                Map.of("victimId", "V1", "messageId", VictimSteps.STATEMENT_MESSAGE + "1", "agency", "POLICE"));
        assertThat(steps.describe(message, "V1", CaseStanding.StatementGoes.NOT_PROSECUTED)).as("one step, not also a message").isEmpty();
        TimelineEntryView made = new TimelineEntryView(6, "VictimPersonalStatementRecorded", "POLICE", AT, AT, "victim-portal", false,
                Map.of("victimId", "V1", "step", "MADE"));
        VictimSteps.Step notProsecuted = steps.describe(made, "V1", CaseStanding.StatementGoes.NOT_PROSECUTED).orElseThrow();
        assertThat(notProsecuted.agency()).isEqualTo("You");
        assertThat(notProsecuted.text()).contains("Nobody has been charged").doesNotContain("It will be given to the court");
        assertThat(steps.describe(made, "V1", CaseStanding.StatementGoes.PROSECUTED).orElseThrow().text())
                .contains("send it to the Crown Prosecution Service, who give it to the court");
        TimelineEntryView byOfficer = new TimelineEntryView(6, "VictimPersonalStatementRecorded", "POLICE", AT, AT, "PC-1", false,
                Map.of("victimId", "V1", "step", "OFFERED"));
        assertThat(steps.describe(byOfficer, "V1", null).orElseThrow().agency()).isEqualTo("Police");
        TimelineEntryView sentence = new TimelineEntryView(7, "SentenceRecorded", "COURT", AT, AT, "CT-1", false,
                Map.of("suspectId", "S1", "sentence", "IMMEDIATE_CUSTODY", "lengthMonths", 18, "ancillaryOrders", List.of()));
        assertThat(steps.describe(sentence, "V1", null).orElseThrow().text())
                .isEqualTo("The sentence is 18 months in prison. The Witness Care Unit will explain it to you.");
        assertThat(steps.confirmation("statement", CaseStanding.StatementGoes.NOT_PROSECUTED)).contains("not going to a court")
                .doesNotContain("given to the court");
        assertThat(steps.confirmation("statement", CaseStanding.StatementGoes.PROSECUTED)).contains("give it to the court");
    }

    @Test
    void theStatusSentenceNeverRestsOnAStepMarkedNotForTheVictim() {
        TimelineEntryView charged = entry(2, "SuspectCharged", "POLICE", Map.of("suspectId", "S1"));
        assertThat(CaseStanding.visibleStatus(timeline(charged), "CHARGED")).isEqualTo("CHARGED");
        TimelineEntryView covert = new TimelineEntryView(3, "HearingListed", "COURT", AT, AT, null, true,
                Map.of("hearingId", "H1", "suspectId", "S1"));
        assertThat(CaseStanding.visibleStatus(timeline(charged, covert), "AT_COURT")).isEqualTo("CHARGED");
        assertThat(CaseStanding.visibleStatus(timeline(covert), "AT_COURT")).isEqualTo("RECORDED");
    }

    @Test
    void aReviewIsPendingUntilItsResultIsRecordedAndOnlyTheVictimsOwnCount() {
        TimelineEntryView asked = entry(3, "DecisionReviewRequested", "VICTIM",
                Map.of("victimId", "V1", "suspectId", "S1", "decision", "CPS_NO_CHARGE"));
        TimelineEntryView someoneElse = entry(4, "DecisionReviewRequested", "VICTIM",
                Map.of("victimId", "V2", "suspectId", "S1", "decision", "CPS_NO_CHARGE"));
        List<CaseForVictim.Review> pending = CaseForVictim.reviews(timeline(asked, someoneElse), "V1");
        assertThat(pending).singleElement().satisfies(review -> {
            assertThat(review.pending()).isTrue();
            assertThat(review.label()).isEqualTo("The Crown Prosecution Service decided not to charge");
            assertThat(review.state()).contains("You asked on", "looking at it again", "The Crown Prosecution Service will tell you");
        });
        List<CaseForVictim.Review> decided = CaseForVictim.reviews(timeline(asked, entry(5, "ReviewDecided", "ANY",
                Map.of("victimId", "V1", "suspectId", "S1", "outcome", "DECISION_UPHELD"))), "V1");
        assertThat(decided).singleElement().satisfies(review -> {
            assertThat(review.pending()).isFalse();
            assertThat(review.state()).startsWith("The review is finished: the decision was kept");
        });
    }

    @Test
    void theContactChoicesLastSavedAreTheOnesShown() {
        assertThat(CaseForVictim.contactChoices(timeline(), "V1")).isEqualTo(CaseForVictim.ContactChoices.NONE);
        CaseForVictim.ContactChoices saved = CaseForVictim.contactChoices(timeline(
                entry(2, "ContactPreferencesSet", "POLICE", Map.of("victimId", "V1", "channels", List.of("SMS"),
                        "unsafeChannels", List.of("PHONE"), "declinedUpdates", false, "updateIntervalDays", 14)),
                entry(3, "ContactPreferencesSet", "POLICE", Map.of("victimId", "V2", "channels", List.of("LETTER"),
                        "unsafeChannels", List.of(), "declinedUpdates", true)),
                entry(4, "ContactPreferencesSet", "VICTIM", Map.of("victimId", "V1", "channels", List.of("PORTAL", "EMAIL"),
                        "unsafeChannels", List.of("SMS", "LETTER"), "declinedUpdates", false, "updateIntervalDays", 28))), "V1");
        assertThat(saved.wanted()).containsExactlyInAnyOrder("PORTAL", "EMAIL");
        assertThat(saved.unsafe()).containsExactlyInAnyOrder("SMS", "LETTER");
        assertThat(saved.every()).isEqualTo("28");
        assertThat(saved.declined()).isFalse();
    }
}
