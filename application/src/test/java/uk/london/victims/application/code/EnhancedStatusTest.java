package uk.london.victims.application.code;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.london.victims.application.code.CaseHistory.all;
import static uk.london.victims.application.code.CaseHistory.only;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.london.victims.domain.cases.EnhancedRightsReason;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationEvaluator;
import uk.london.victims.domain.code.VictimsCode;

/**
 * Who has enhanced rights, from the Code's categories in the shipped rule data: the offence and its flags,
 * the victim's kind and age, what was assessed or recorded, and (2020 only) discretion. Each clock is judged
 * with what was known when it started.
 */
class EnhancedStatusTest {

    private static final VictimsCode CODE = VictimsCodeLoader.load(List.of("classpath*:victims-code/*.json"));
    private static final ObligationEvaluator ENGINE = new ObligationEvaluator(CODE, BankHolidays.shipped().toCalendar());
    /** Tuesday 4 June 2024, 10:00 BST; an arrest the next day. */
    private static final String DAY = "2024-06-04T09:00:00Z";
    private static final String ARREST = "2024-06-05T09:00:00Z";
    /** One working day after Wednesday 5 June: the end of Thursday 6 June, London time. */
    private static final Instant ENHANCED_DEADLINE = Instant.parse("2024-06-06T22:59:59.999999999Z");
    /** Five working days after Wednesday 5 June: the end of Wednesday 12 June. */
    private static final Instant STANDARD_DEADLINE = Instant.parse("2024-06-12T22:59:59.999999999Z");

    private static Obligation arrest(CaseHistory history) {
        history.add("SuspectArrested", ARREST, "suspectId", "S1");
        return all(history.evaluate(ENGINE, "2024-07-01T00:00:00Z"), "R6-police-decision").get(0);
    }

    @Test
    void anAdultVictimOfABurglaryHasStandardRights() {
        Obligation obligation = arrest(CaseHistory.recorded(DAY, "BURGLARY_RESIDENTIAL"));
        assertThat(obligation.enhanced()).isFalse();
        assertThat(obligation.enhancedBecause()).isEmpty();
        assertThat(obligation.deadline()).isEqualTo(STANDARD_DEADLINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ATTEMPTED_MURDER", "SEXUAL_OFFENCE", "MODERN_SLAVERY", "KIDNAP_OR_FALSE_IMPRISONMENT",
            "ARSON_ENDANGERING_LIFE", "WOUNDING_OR_GBH_WITH_INTENT"})
    void theMostSeriousOffencesGiveEnhancedRightsWithoutAnAssessment(String offence) {
        Obligation obligation = arrest(CaseHistory.recorded(DAY, offence));
        assertThat(obligation.enhancedBecause()).contains(EnhancedRightsReason.MOST_SERIOUS_CRIME);
        assertThat(obligation.deadline()).isEqualTo(ENHANCED_DEADLINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DOMESTIC_ABUSE", "HATE_CRIME", "TERRORISM", "SEXUAL_VIOLENCE", "CHILD_SEXUAL_EXPLOITATION",
            "MODERN_SLAVERY", "HONOUR_BASED_ABUSE"})
    void theMostSeriousCrimeFlagsGiveEnhancedRights(String flag) {
        Obligation obligation = arrest(CaseHistory.recorded(DAY, "VIOLENCE_WITH_INJURY", flag));
        assertThat(obligation.enhancedBecause()).contains(EnhancedRightsReason.MOST_SERIOUS_CRIME);
        assertThat(obligation.deadline()).isEqualTo(ENHANCED_DEADLINE);
    }

    @Test
    void victimsOfSexualOffencesAndTraffickingAreIntimidatedAutomatically() {
        assertThat(arrest(CaseHistory.recorded(DAY, "SEXUAL_OFFENCE")).enhancedBecause())
                .containsExactlyInAnyOrder(EnhancedRightsReason.MOST_SERIOUS_CRIME, EnhancedRightsReason.INTIMIDATED);
        assertThat(arrest(CaseHistory.recorded(DAY, "THEFT", "MODERN_SLAVERY")).enhancedBecause())
                .contains(EnhancedRightsReason.INTIMIDATED);
        assertThat(arrest(CaseHistory.recorded(DAY, "ROBBERY", "WEAPON_BASED")).enhancedBecause()).isEmpty();
    }

    @Test
    void aCloseRelativeBereavedByCrimeHasEnhancedRights() {
        CaseHistory history = new CaseHistory().add("CrimeReported", DAY)
                .add("VictimAdded", DAY, "victimId", "V1", "kind", "BEREAVED_FAMILY_MEMBER", "under18AtOffence", false)
                .add("CrimeRecorded", DAY, "offence", "VIOLENCE_WITH_INJURY", "priorityFlags", List.of());
        assertThat(arrest(history).enhancedBecause()).containsExactly(EnhancedRightsReason.BEREAVED_BY_CRIME);
    }

    @Test
    void aVictimUnder18AtTheOffenceIsVulnerable() {
        CaseHistory history = new CaseHistory().add("CrimeReported", DAY)
                .add("VictimAdded", DAY, "victimId", "V1", "kind", "DIRECT_VICTIM", "under18AtOffence", true)
                .add("CrimeRecorded", DAY, "offence", "THEFT", "priorityFlags", List.of());
        assertThat(arrest(history).enhancedBecause()).containsExactly(EnhancedRightsReason.UNDER_18);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MENTAL_DISORDER", "IMPAIRED_INTELLIGENCE_OR_SOCIAL_FUNCTIONING", "PHYSICAL_DISABILITY",
            "FEAR_OR_DISTRESS_ABOUT_GIVING_EVIDENCE", "VULNERABLE", "INTIMIDATED"})
    void aVulnerableOrIntimidatedVictimIsEnhancedFromTheAssessment(String reason) {
        CaseHistory history = CaseHistory.recorded(DAY, "THEFT")
                .add("NeedsAssessed", DAY, "victimId", "V1", "enhancedRightsReasons", List.of(reason));
        Obligation obligation = arrest(history);
        assertThat(obligation.enhancedBecause()).containsExactly(EnhancedRightsReason.valueOf(reason));
        assertThat(obligation.deadline()).isEqualTo(ENHANCED_DEADLINE);
    }

    @Test
    void aPersistentlyTargetedVictimIsEnhancedFromWhenItWasRecorded() {
        CaseHistory history = CaseHistory.recorded(DAY, "CRIMINAL_DAMAGE_AND_ARSON")
                .add("SuspectArrested", "2024-06-04T12:00:00Z", "suspectId", "S1")
                .add("VictimPersistentlyTargeted", "2024-06-04T15:00:00Z", "victimId", "V1", "source", "REPEAT_VICTIMISATION",
                        "otherCaseIds", List.of("C-2", "C-3"));
        Obligation later = arrest(history);
        List<Obligation> both = all(history.evaluate(ENGINE, "2024-07-01T00:00:00Z"), "R6-police-decision");
        assertThat(both.get(0).enhanced()).as("the arrest before it keeps standard rights").isFalse();
        assertThat(both.get(1).enhancedBecause()).containsExactly(EnhancedRightsReason.PERSISTENTLY_TARGETED);
        assertThat(later.triggerSequence()).isEqualTo(both.get(0).triggerSequence());
    }

    @Test
    void discretionGivesEnhancedRightsUnderThe2020CodeOnly() {
        CaseHistory now = CaseHistory.recorded(DAY, "THEFT")
                .add("EnhancedRightsGrantedByDiscretion", DAY, "victimId", "V1", "reason", "Carer, no support");
        assertThat(arrest(now).enhancedBecause()).containsExactly(EnhancedRightsReason.DISCRETION);

        // Tuesday 4 June 2019: the 2015 edition had no such discretion.
        CaseHistory then = new CaseHistory().add("CrimeReported", "2019-06-04T09:00:00Z")
                .add("VictimAdded", "2019-06-04T09:00:00Z", "victimId", "V1", "kind", "DIRECT_VICTIM")
                .add("CrimeRecorded", "2019-06-04T09:00:00Z", "offence", "THEFT", "priorityFlags", List.of())
                .add("EnhancedRightsGrantedByDiscretion", "2019-06-04T09:00:00Z", "victimId", "V1", "reason", "Carer")
                .add("SuspectArrested", "2019-06-05T09:00:00Z", "suspectId", "S1");
        Obligation obligation = only(then.evaluate(ENGINE, "2019-07-01T00:00:00Z"), "R6-police-decision");
        assertThat(obligation.edition()).isEqualTo("2015");
        assertThat(obligation.enhanced()).isFalse();
    }

    @Test
    void aClockStartedBeforeAReclassificationKeepsItsLimitAndLaterClocksTakeTheEnhancedOne() {
        CaseHistory history = CaseHistory.recorded(DAY, "VIOLENCE_WITH_INJURY")
                .add("SuspectArrested", ARREST, "suspectId", "S1")
                .add("CrimeReclassified", "2024-06-05T15:00:00Z", "offence", "VIOLENCE_WITH_INJURY",
                        "priorityFlags", List.of("DOMESTIC_ABUSE"), "reason", "Partner")
                .add("SuspectInterviewed", "2024-06-06T09:00:00Z", "suspectId", "S1");
        List<Obligation> clocks = all(history.evaluate(ENGINE, "2024-07-01T00:00:00Z"), "R6-police-decision");

        assertThat(clocks.get(0).enhanced()).isFalse();
        assertThat(clocks.get(0).deadline()).isEqualTo(STANDARD_DEADLINE);
        assertThat(clocks.get(1).enhancedBecause()).containsExactly(EnhancedRightsReason.MOST_SERIOUS_CRIME);
        // One working day after Thursday 6 June: the end of Friday 7 June.
        assertThat(clocks.get(1).deadline()).isEqualTo(Instant.parse("2024-06-07T22:59:59.999999999Z"));
    }

    @Test
    void aReclassificationOutOfTheCategoriesEndsEnhancedRightsForLaterClocksOnly() {
        CaseHistory history = CaseHistory.recorded(DAY, "SEXUAL_OFFENCE")
                .add("SuspectArrested", ARREST, "suspectId", "S1")
                .add("CrimeReclassified", "2024-06-05T15:00:00Z", "offence", "PUBLIC_ORDER", "priorityFlags", List.of(),
                        "reason", "Recorded in error")
                .add("SuspectInterviewed", "2024-06-06T09:00:00Z", "suspectId", "S1");
        List<Obligation> clocks = all(history.evaluate(ENGINE, "2024-07-01T00:00:00Z"), "R6-police-decision");
        assertThat(clocks).extracting(Obligation::enhanced).containsExactly(true, false);
    }
}
