package uk.london.victims.application.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.domain.code.CodeEdition;
import uk.london.victims.domain.code.CodeRule;
import uk.london.victims.domain.code.Confidence;
import uk.london.victims.domain.code.LimitUnit;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationEvaluator;
import uk.london.victims.domain.code.VictimsCode;

/** The shipped rule sets, and that an edition is added by data alone. */
class VictimsCodeLoaderTest {

    private static final List<String> SHIPPED = List.of("classpath*:victims-code/*.json");

    @Test
    void theShippedEditionsMeetEndToEnd() {
        VictimsCode code = VictimsCodeLoader.load(SHIPPED);

        assertThat(code.editions()).extracting(CodeEdition::id).containsExactly("2015", "2020");
        assertThat(code.editions().get(0).inForceUntil()).isEqualTo(LocalDate.parse("2021-03-31"));
        assertThat(code.editions().get(1).inForceFrom()).isEqualTo(LocalDate.parse("2021-04-01"));
        assertThat(code.editionInForce(Instant.parse("2021-03-31T23:30:00Z")).orElseThrow().id())
                .as("00:30 BST on 1 April 2021 is already the 2020 edition").isEqualTo("2020");
    }

    @Test
    void everyRightHasARuleAndLowConfidenceLimitsAreMarked() {
        CodeEdition current = VictimsCodeLoader.load(SHIPPED).editions().get(1);
        assertThat(current.rules()).extracting(CodeRule::right).contains("R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R11", "R12");
        assertThat(current.enhancedRights().source()).contains("gov.uk");
        assertThat(current.rules()).filteredOn(rule -> rule.id().equals("R3-written-acknowledgement"))
                                   .extracting(CodeRule::confidence).containsExactly(Confidence.LOW);
        CodeRule hearing = current.rules().stream().filter(r -> r.id().equals("R8-hearing-date")).findFirst().orElseThrow();
        assertThat(hearing.enhanced().amount()).isEqualTo(1);
        assertThat(hearing.enhanced().unit()).isEqualTo(LimitUnit.WORKING_DAYS);
    }

    @Test
    void aThirdEditionIsAddedAsDataAndJudgesTheClocksThatStartUnderIt() {
        VictimsCode code = VictimsCodeLoader.load(List.of("classpath*:victims-code/*.json",
                "classpath*:victims-code-test/*.json"));
        assertThat(code.editions()).extracting(CodeEdition::id).containsExactly("2015", "2020", "2030-test");
        assertThat(code.editions().get(1).inForceUntil()).as("the open-ended 2020 edition now ends when 2030 starts")
                                                         .isEqualTo(LocalDate.parse("2029-12-31"));

        ObligationEvaluator evaluator = new ObligationEvaluator(code, new uk.london.victims.domain.code.WorkingDayCalendar(
                List.of(), LocalDate.parse("2029-01-01"), LocalDate.parse("2030-12-31")));
        List<CaseFact> facts = List.of(
                new CaseFact(0, "CrimeReported", Instant.parse("2030-01-07T09:00:00Z"), Instant.parse("2030-01-07T09:00:00Z"), Map.of()),
                new CaseFact(1, "VictimAdded", Instant.parse("2030-01-07T09:00:00Z"), Instant.parse("2030-01-07T09:00:00Z"),
                        Map.of("victimId", "V1", "kind", "DIRECT_VICTIM", "under18AtOffence", true)),
                new CaseFact(2, "SuspectArrested", Instant.parse("2030-01-07T10:00:00Z"), Instant.parse("2030-01-07T10:00:00Z"),
                        Map.of("suspectId", "S1")));
        Obligation arrest = evaluator.evaluate(facts, Instant.parse("2030-02-01T00:00:00Z")).stream()
                .filter(o -> o.triggerSequence() == 2).findFirst().orElseThrow();

        assertThat(arrest.edition()).isEqualTo("2030-test");
        // The same deadline for an enhanced victim: the new edition has one limit for everyone.
        assertThat(arrest.deadline()).isEqualTo(Instant.parse("2030-01-10T23:59:59.999999999Z"));
    }

    @Test
    void aMisspeltRuleFieldIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> VictimsCodeLoader.load(List.of("classpath*:victims-code-broken/*.json")))
                .hasMessageContaining("No Victims' Code rule set found");
        assertThatThrownBy(() -> VictimsCodeLoader.load(List.of("classpath*:victims-code-misspelt/*.json")))
                .hasMessageContaining("invalid").hasMessageContaining("standard");
    }
}
