package uk.london.victims.application.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.domain.code.ClockStart;
import uk.london.victims.domain.code.CodeRule;
import uk.london.victims.domain.code.EvidenceKind;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationEvaluator;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.domain.code.VictimsCode;
import uk.london.victims.domain.code.WaiverReason;

/**
 * Every rule of every shipped edition, driven through the engine with the shipped calendar: met on time
 * with its evidence, a breach without it, and waived for each reason it allows. A rule whose data
 * cannot be met (a misspelt trigger or evidence name) fails here.
 */
class ShippedRulesTest {

    private static final VictimsCode CODE = VictimsCodeLoader.load(List.of("classpath*:victims-code/*.json"));
    private static final ObligationEvaluator ENGINE = new ObligationEvaluator(CODE, BankHolidays.shipped().toCalendar());
    /** A Tuesday in each edition's time, away from bank holidays. */
    private static final Map<String, Instant> DAY = Map.of("2015", Instant.parse("2019-06-04T09:00:00Z"),
            "2020", Instant.parse("2024-06-04T09:00:00Z"));

    static Stream<Arguments> rules() {
        return CODE.editions().stream().flatMap(edition -> edition.rules().stream().map(rule -> Arguments.of(edition.id(), rule)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rules")
    void everyRuleIsMetByItsEvidenceAndBreachedWithoutIt(String edition, CodeRule rule) {
        Instant start = DAY.get(edition);
        List<CaseFact> withoutEvidence = history(rule, start, false, null);
        List<CaseFact> withEvidence = history(rule, start, true, null);
        Instant longAfter = start.plus(Duration.ofDays(60));

        Obligation breached = find(ENGINE.evaluate(withoutEvidence, longAfter), rule);
        Obligation met = find(ENGINE.evaluate(withEvidence, longAfter), rule);

        assertThat(breached.edition()).isEqualTo(edition);
        assertThat(breached.status()).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(met.status()).isEqualTo(ObligationStatus.MET_ON_TIME);
        assertThat(met.evidenceSequence()).isNotNull();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rules")
    void everyWaiverARuleAllowsWaivesIt(String edition, CodeRule rule) {
        for (WaiverReason reason : rule.waivers()) {
            Map<String, Object> preferences = reason == WaiverReason.DECLINED
                    ? Map.of("victimId", "V1", "declinedUpdates", true, "channels", List.of(), "unsafeChannels", List.of())
                    : Map.of("victimId", "V1", "declinedUpdates", false, "channels", List.of(), "unsafeChannels", List.of("SMS", "EMAIL"));
            List<CaseFact> facts = history(rule, DAY.get(edition), false, preferences);
            Obligation waived = find(ENGINE.evaluate(facts, DAY.get(edition).plus(Duration.ofDays(60))), rule);
            assertThat(waived.status()).as(reason.name()).isEqualTo(ObligationStatus.WAIVED);
            assertThat(waived.waivedFor()).isEqualTo(reason);
        }
    }

    private static Obligation find(List<Obligation> obligations, CodeRule rule) {
        return obligations.stream().filter(o -> o.ruleId().equals(rule.id())).findFirst()
                          .orElseThrow(() -> new AssertionError(rule.id() + " opened no obligation"));
    }

    /** Report, victim, the trigger (meeting the rule's conditions), Witness Care's receipt, then the evidence. */
    private static List<CaseFact> history(CodeRule rule, Instant day, boolean evidence, Map<String, Object> preferences) {
        List<CaseFact> facts = new ArrayList<>();
        facts.add(fact(facts, "CrimeReported", day.minus(Duration.ofHours(1)), Map.of()));
        facts.add(fact(facts, "VictimAdded", day.minus(Duration.ofMinutes(50)), Map.of("victimId", "V1", "kind", "DIRECT_VICTIM")));
        if (preferences != null) {
            facts.add(fact(facts, "ContactPreferencesSet", day.minus(Duration.ofMinutes(45)), preferences));
        }
        if (!rule.onlyFor().isEmpty() && !rule.triggers().contains("CrimeRecorded")) {
            // A rule for some offences only (the Victim Contact Scheme) needs a crime of one of them.
            facts.add(fact(facts, "CrimeRecorded", day.minus(Duration.ofMinutes(40)),
                    Map.of("offence", rule.onlyFor().offences().get(0), "priorityFlags", List.of())));
        }
        Map<String, Object> triggerFields = new HashMap<>(Map.of("suspectId", "S1", "victimId", "V1"));
        rule.when().forEach((field, values) -> triggerFields.put(field, sampleValue(values)));
        if (!rule.whenAny().isEmpty()) {
            rule.whenAny().get(0).forEach((field, values) -> triggerFields.put(field, sampleValue(values)));
        }
        if (rule.ownerField() != null) {
            triggerFields.put(rule.ownerField(), rule.owner().name());
        }
        String triggerType = rule.triggers().get(0);
        CaseFact trigger = triggerType.equals("CrimeReported") ? facts.get(0) : fact(facts, triggerType, day, triggerFields);
        if (trigger != facts.get(0)) {
            facts.add(trigger);
        }
        Instant then = day.plus(Duration.ofMinutes(30));
        CaseFact receipt = null;
        if (rule.clockStart() == ClockStart.WITNESS_CARE_RECEIPT || rule.evidence() == EvidenceKind.WITNESS_CARE_RECEIPT) {
            if (rule.clockStart() == ClockStart.WITNESS_CARE_RECEIPT || evidence) {
                receipt = fact(facts, "CourtInformationReceivedByWitnessCare", then, Map.of("aboutSequence", trigger.sequence()));
                facts.add(receipt);
            }
        }
        if (evidence && rule.evidence() != EvidenceKind.WITNESS_CARE_RECEIPT) {
            Instant told = then.plus(Duration.ofMinutes(30));
            if (rule.evidence() == EvidenceKind.VICTIM_INFORMED) {
                long about = receipt != null ? receipt.sequence() : trigger.sequence();
                facts.add(fact(facts, "VictimInformed", told, Map.of("victimId", "V1", "aboutSequence", about)));
            } else {
                String[] spec = rule.evidenceEvents().get(0).split(":", 2);
                Map<String, Object> fields = new HashMap<>(Map.of("victimId", "V1"));
                if (spec.length == 2) {
                    String[] condition = spec[1].split("=", 2);
                    fields.put(condition[0], condition[1].split("\\|")[0]);
                }
                facts.add(fact(facts, spec[0], told, fields));
            }
        }
        return facts;
    }

    /** A value that meets a condition: the first alternative, or the bound of a ">=" condition. */
    private static Object sampleValue(String condition) {
        return condition.startsWith(">=") ? (Object) Long.parseLong(condition.substring(2)) : condition.split("\\|")[0];
    }

    private static CaseFact fact(List<CaseFact> facts, String type, Instant at, Map<String, Object> fields) {
        return new CaseFact(facts.size(), type, at, at, fields);
    }
}
