package uk.london.victims.domain.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.london.victims.domain.cases.Agency;
import uk.london.victims.domain.cases.EnhancedRightsReason;

/**
 * The engine's mechanics added for the Code's wording, on hand-made rules (the shipped data is tested in the
 * application module): conditions on numbers and alternatives, rules for some offences only, consent first,
 * obligations owed to the victim a trigger names, enhanced categories as data, and a clock keeping the status
 * it started with.
 */
class EvaluatorMechanicsTest {

    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(List.of(), LocalDate.parse("2024-01-01"),
            LocalDate.parse("2024-12-31"));
    private static final TimeLimit FIVE = new TimeLimit(5, LimitUnit.WORKING_DAYS);
    private static final TimeLimit ONE = new TimeLimit(1, LimitUnit.WORKING_DAYS);

    private static CodeRule rule(String id, String trigger, Map<String, String> when, List<Map<String, String>> whenAny,
                                 CaseCategories onlyFor, CaseCategories consentFor, EvidenceKind evidence, List<String> events) {
        return new CodeRule(id, "R0", id, Agency.POLICE, List.of(trigger), when, ClockStart.EVENT, FIVE, ONE, evidence, events, true,
                List.of(), Confidence.HIGH, "test", null, RuleBasis.CODE, whenAny, onlyFor, consentFor);
    }

    private static final CaseCategories VIOLENT = new CaseCategories(List.of("ROBBERY"), List.of(), List.of());
    private static final CodeRule SCHEME = rule("scheme", "SentenceRecorded", Map.of(),
            List.of(Map.of("sentence", "IMMEDIATE_CUSTODY", "lengthMonths", ">=12"), Map.of("sentence", "HOSPITAL_ORDER")),
            VIOLENT, null, EvidenceKind.EVENT, List.of("Referred"));
    private static final CodeRule REFERRAL = rule("referral", "CrimeRecorded", Map.of(), null, null,
            new CaseCategories(List.of(), List.of("DOMESTIC_ABUSE"), List.of("BEREAVED_FAMILY_MEMBER")), EvidenceKind.EVENT,
            List.of("SupportReferralRecorded"));
    private static final CodeRule COMPLAINT = rule("complaint", "ComplaintMade", Map.of(), null, null, null,
            EvidenceKind.EVENT, List.of("ComplaintResponseRecorded"));
    private static final CodeRule ARREST = rule("arrest", "SuspectArrested", Map.of(), null, null, null,
            EvidenceKind.VICTIM_INFORMED, List.of());
    private static final EnhancedRights CATEGORIES = new EnhancedRights(
            new CaseCategories(List.of("ATTEMPTED_MURDER"), List.of("HATE_CRIME"), List.of("BEREAVED_FAMILY_MEMBER")),
            new CaseCategories(List.of("SEXUAL_OFFENCE"), List.of(), List.of()),
            List.of(EnhancedRightsReason.PERSISTENTLY_TARGETED), Confidence.HIGH, "test");
    private static final ObligationEvaluator ENGINE = new ObligationEvaluator(new VictimsCode(List.of(new CodeEdition("2020", "test",
            LocalDate.parse("2021-04-01"), null, List.of(SCHEME, REFERRAL, COMPLAINT, ARREST), CATEGORIES))), CALENDAR);

    private final List<CaseFact> facts = new ArrayList<>();

    private EvaluatorMechanicsTest add(String type, String at, Object... fields) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put((String) fields[i], fields[i + 1]);
        }
        facts.add(new CaseFact(facts.size(), type, Instant.parse(at), Instant.parse(at), map));
        return this;
    }

    private List<Obligation> of(String ruleId) {
        return ENGINE.evaluate(facts, Instant.parse("2024-12-01T00:00:00Z")).stream().filter(o -> o.ruleId().equals(ruleId)).toList();
    }

    private EvaluatorMechanicsTest recorded(String offence, String... flags) {
        return add("CrimeReported", "2024-06-03T09:00:00Z")
                .add("VictimAdded", "2024-06-03T09:00:00Z", "victimId", "V1", "kind", "DIRECT_VICTIM")
                .add("CrimeRecorded", "2024-06-03T09:00:00Z", "offence", offence, "priorityFlags", List.of(flags));
    }

    @Test
    void aRuleForSomeOffencesAndAlternativeConditionsOpensOnlyWhenBothHold() {
        recorded("ROBBERY").add("SentenceRecorded", "2024-06-04T09:00:00Z", "sentence", "IMMEDIATE_CUSTODY", "lengthMonths", 12)
                           .add("SentenceRecorded", "2024-06-04T09:00:00Z", "sentence", "IMMEDIATE_CUSTODY", "lengthMonths", 11)
                           .add("SentenceRecorded", "2024-06-04T09:00:00Z", "sentence", "HOSPITAL_ORDER")
                           .add("SentenceRecorded", "2024-06-04T09:00:00Z", "sentence", "FINE");
        assertThat(of("scheme")).extracting(Obligation::triggerSequence).containsExactly(3L, 5L);

        facts.clear();
        recorded("THEFT").add("SentenceRecorded", "2024-06-04T09:00:00Z", "sentence", "IMMEDIATE_CUSTODY", "lengthMonths", 24);
        assertThat(of("scheme")).isEmpty();
    }

    @Test
    void withoutEvidenceAConsentGroupAwaitsConsentAndOthersRunLate() {
        recorded("THEFT", "DOMESTIC_ABUSE");
        assertThat(of("referral").get(0).status()).isEqualTo(ObligationStatus.AWAITING_CONSENT);
        facts.clear();
        recorded("THEFT");
        assertThat(of("referral").get(0).status()).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(of("referral").get(0).codeBreach()).isTrue();
    }

    @Test
    void anObligationATriggerNamesAVictimForIsOwedToThatVictimOnly() {
        recorded("THEFT").add("VictimAdded", "2024-06-03T09:00:00Z", "victimId", "V2", "kind", "DIRECT_VICTIM")
                         .add("ComplaintMade", "2024-06-04T09:00:00Z", "victimId", "V2", "agency", "POLICE")
                         .add("SuspectArrested", "2024-06-04T09:00:00Z", "suspectId", "S1");
        assertThat(of("complaint")).extracting(Obligation::victimId).containsExactly("V2");
        assertThat(of("arrest")).extracting(Obligation::victimId).containsExactly("V1", "V2");
    }

    @Test
    void enhancedCategoriesComeFromTheEditionsDataAndAClockKeepsTheStatusItStartedWith() {
        recorded("ASSAULT").add("SuspectArrested", "2024-06-04T09:00:00Z", "suspectId", "S1")
                           .add("CrimeReclassified", "2024-06-04T10:00:00Z", "offence", "ATTEMPTED_MURDER", "priorityFlags", List.of())
                           .add("SuspectArrested", "2024-06-04T11:00:00Z", "suspectId", "S2")
                           .add("NeedsAssessed", "2024-06-04T12:00:00Z", "victimId", "V1", "enhancedRightsReasons", List.of("VULNERABLE"))
                           .add("VictimPersistentlyTargeted", "2024-06-04T12:00:00Z", "victimId", "V1")
                           .add("SuspectArrested", "2024-06-04T13:00:00Z", "suspectId", "S3");
        List<Obligation> arrests = of("arrest");
        assertThat(arrests.get(0).enhancedBecause()).isEmpty();
        assertThat(arrests.get(0).deadline()).isEqualTo(Instant.parse("2024-06-11T22:59:59.999999999Z"));
        assertThat(arrests.get(1).enhancedBecause()).containsExactly(EnhancedRightsReason.MOST_SERIOUS_CRIME);
        // VULNERABLE is not honoured by this edition's data; persistent targeting is.
        assertThat(arrests.get(2).enhancedBecause())
                .containsExactly(EnhancedRightsReason.MOST_SERIOUS_CRIME, EnhancedRightsReason.PERSISTENTLY_TARGETED);
    }
}
