package uk.london.victims.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import uk.london.victims.application.code.BankHolidays;
import uk.london.victims.application.code.CalendarSource;
import uk.london.victims.application.code.VictimsCodeLoader;
import uk.london.victims.domain.code.CodeEdition;
import uk.london.victims.domain.code.CodeRule;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.domain.code.RuleBasis;
import uk.london.victims.domain.code.VictimsCode;
import uk.london.victims.projections.timeline.CaseTimelineView;
import uk.london.victims.projections.timeline.TimelineEntryView;

/**
 * What a victim is told about their rights: the Code's rights as the Code states them ("must"), local service
 * standards as aims, the consent groups' referral, and the Victim Contact Scheme only where it can apply.
 */
class RightsForVictimTest {

    private static final VictimsCode CODE = VictimsCodeLoader.load(List.of("classpath*:victims-code/*.json"));
    private static final Instant NOW = Instant.parse("2026-06-02T09:00:00Z");
    private final CaseForVictim portal = new CaseForVictim(null, null, CODE, new CalendarSource(BankHolidays.shipped()));

    private static Properties texts() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = RightsForVictimTest.class.getResourceAsStream("/portal/rights.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    @Test
    void localStandardsReadAsAimsAndTheCodesRightsAsDuties() throws IOException {
        Properties texts = texts();
        for (CodeEdition edition : CODE.editions()) {
            for (CodeRule rule : edition.rules()) {
                String text = texts.getProperty(rule.id());
                if (text == null) {
                    continue;
                }
                if (rule.basis() == RuleBasis.LOCAL_STANDARD) {
                    // The time limit is an aim; the right itself may still be the Code's ("must offer ... aim to do it").
                    assertThat(text).as(rule.id()).contains("aim").doesNotContain("must " + "{when}");
                    assertThat(text.substring(text.indexOf("aim"))).as(rule.id()).contains("{when}");
                } else {
                    assertThat(text).as(rule.id()).contains("must");
                }
            }
        }
        assertThat(texts.getProperty("R11-victim-contact-scheme-referral")).contains("12 months", "violent or sexual", "hospital");
        assertThat(texts.getProperty("R8-bail-outcome")).contains("bail rules that affect you");
        assertThat(texts.getProperty("R8-bail-outcome.after")).isEqualTo("of hearing about it");
        assertThat(texts.getProperty("R12-complaint-acknowledged")).contains("tell you they have your complaint", "full answer");
    }

    private static TimelineEntryView entry(long sequence, String type, Map<String, Object> details) {
        return new TimelineEntryView(sequence, type, "POLICE", NOW, NOW, null, false, details);
    }

    private static CaseTimelineView timeline(String offence, List<String> flags, String kind, TimelineEntryView... more) {
        List<TimelineEntryView> entries = new ArrayList<>(List.of(
                entry(0, "CrimeReported", Map.of()),
                entry(1, "VictimAdded", Map.of("victimId", "V1", "kind", kind)),
                entry(2, "CrimeRecorded", Map.of("offence", offence, "priorityFlags", flags))));
        entries.addAll(List.of(more));
        return new CaseTimelineView("case-0000-0001", entries.size(), entries);
    }

    private List<String> rights(String status, CaseTimelineView timeline, List<Obligation> owed) {
        return portal.rights(status, false, NOW, timeline, "V1", owed).stream().map(CaseForVictim.Right::text).toList();
    }

    private static Obligation owed(String ruleId) {
        return owed(ruleId, ObligationStatus.OPEN);
    }

    private static Obligation owed(String ruleId, ObligationStatus status) {
        return new Obligation(ruleId, "R11", "", null, "2020", null, 3, "SentenceRecorded", "V1", false, NOW, NOW,
                status, null, null, null, null, RuleBasis.CODE, List.of());
    }

    @Test
    void afterASentenceThatOpensTheVictimContactSchemeTheRightSaysTheVictimIsEligibleNotIf() {
        TimelineEntryView longSentence = entry(3, "SentenceRecorded",
                Map.of("sentence", "IMMEDIATE_CUSTODY", "lengthMonths", 30, "suspectId", "S1"));
        CaseTimelineView sentenced = timeline("ROBBERY", List.of(), "DIRECT_VICTIM", longSentence);
        assertThat(rights("SENTENCED", sentenced, List.of(owed("R11-victim-contact-scheme-referral"))))
                .noneMatch(text -> text.contains("If the offender is sent to prison"))
                .anyMatch(text -> text.startsWith("Because of the offender’s sentence, you can join the Probation Service’s Victim Contact Scheme")
                                  && text.contains("within 10 working days of the sentence, unless you say no"));
        assertThat(rights("SENTENCED", sentenced, List.of(owed("R11-victim-contact-scheme-referral", ObligationStatus.MET_ON_TIME))))
                .noneMatch(text -> text.contains("If the offender") || text.contains("you can join"))
                .anyMatch(text -> text.startsWith("You have been put in touch with the Probation Service’s Victim Contact Scheme"));
        assertThat(rights("CONVICTED", timeline("ROBBERY", List.of(), "DIRECT_VICTIM"), List.of()))
                .as("before the sentence, the condition still applies")
                .anyMatch(text -> text.startsWith("If the offender is sent to prison for 12 months or more"));
    }

    @Test
    void theReferralAsksForConsentAfterDomesticAbuseASexualOffenceOrABereavement() {
        assertThat(rights("RECORDED", timeline("VIOLENCE_WITH_INJURY", List.of("DOMESTIC_ABUSE"), "DIRECT_VICTIM"), List.of()))
                .contains("The police must ask if you want help from a support service. They only pass on your details if you say yes.");
        assertThat(rights("RECORDED", timeline("HOMICIDE", List.of(), "BEREAVED_FAMILY_MEMBER"), List.of()))
                .anyMatch(text -> text.contains("only pass on your details if you say yes"));
        assertThat(rights("RECORDED", timeline("BURGLARY_RESIDENTIAL", List.of(), "DIRECT_VICTIM"), List.of()))
                .contains("The police must put you in touch with a support service within 2 working days, unless you say no.")
                .contains("The police must write to you to confirm the crime, give you a contact and say what happens next. "
                          + "They aim to do it within 5 working days.");
    }

    @Test
    void theVictimContactSchemeIsShownOnlyWhereItCanApply() {
        assertThat(rights("CONVICTED", timeline("ROBBERY", List.of(), "DIRECT_VICTIM"), List.of()))
                .anyMatch(text -> text.contains("Victim Contact Scheme"));
        assertThat(rights("CONVICTED", timeline("FRAUD", List.of(), "DIRECT_VICTIM"), List.of()))
                .noneMatch(text -> text.contains("Victim Contact Scheme"));

        TimelineEntryView shortSentence = entry(3, "SentenceRecorded",
                Map.of("sentence", "IMMEDIATE_CUSTODY", "lengthMonths", 6, "suspectId", "S1"));
        assertThat(rights("SENTENCED", timeline("ROBBERY", List.of(), "DIRECT_VICTIM", shortSentence), List.of()))
                .as("sentenced, but not to 12 months or more").noneMatch(text -> text.contains("Victim Contact Scheme"));
        assertThat(rights("SENTENCED", timeline("ROBBERY", List.of(), "DIRECT_VICTIM", shortSentence),
                List.of(owed("R11-victim-contact-scheme-referral"))))
                .anyMatch(text -> text.contains("Victim Contact Scheme") && text.contains("within 10 working days of the sentence"));
    }

    @Test
    void aCpsDecisionShowsTheSchemesTenWorkingDaysForAPromptReviewBesideItsThreeMonths() {
        Instant decided = Instant.parse("2024-06-04T09:00:00Z");
        CaseTimelineView timeline = new CaseTimelineView("case-0000-0001", 2, List.of(
                new TimelineEntryView(0, "ChargingDecisionMade", "CPS", decided, decided, null, false,
                        Map.of("suspectId", "S1", "decision", "NO_FURTHER_ACTION")),
                new TimelineEntryView(1, "NoFurtherActionTaken", "POLICE", decided, decided, null, false,
                        Map.of("suspectId", "S2"))));
        List<CaseForVictim.Decision> decisions = portal.reviewable(timeline);
        CaseForVictim.Decision cps = decisions.get(0);
        assertThat(cps.decision()).isEqualTo("CPS_NO_CHARGE");
        assertThat(cps.promptBy()).isEqualTo(VictimSteps.day(Instant.parse("2024-06-18T22:59:59Z")));
        assertThat(cps.askBy()).isEqualTo(VictimSteps.day(Instant.parse("2024-09-04T09:00:00Z")));
        assertThat(decisions.get(1).decision()).isEqualTo("POLICE_NO_FURTHER_ACTION");
        assertThat(decisions.get(1).promptBy()).as("the police scheme has no prompt-review window").isNull();
    }
}
