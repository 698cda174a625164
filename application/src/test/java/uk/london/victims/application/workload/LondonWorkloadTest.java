package uk.london.victims.application.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.london.victims.application.workload.Journey.Outcome;
import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.OffenceCategory;
import uk.london.victims.domain.cases.victims.AddVictimCommand;
import uk.london.victims.domain.geography.BasicCommandUnit;
import uk.london.victims.domain.geography.Borough;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

class LondonWorkloadTest {

    private static final Instant YEAR = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2026-11-26T00:00:00Z");
    private static List<Journey> sample;

    @BeforeAll
    static void generate() {
        sample = Stream.generate(workload(42)::next).limit(20_000).toList();
    }

    @Test
    void theSameSeedGivesTheSameCommandsAndAnotherSeedDoesNot() {
        LondonWorkload again = workload(42);
        List<CaseCommand> first = commands(sample.subList(0, 2_000));
        List<CaseCommand> second = commands(Stream.generate(again::next).limit(2_000).toList());
        assertThat(second).isEqualTo(first);

        LondonWorkload other = workload(43);
        assertThat(commands(Stream.generate(other::next).limit(2_000).toList())).isNotEqualTo(first);
    }

    @Test
    void boroughsFollowPopulation() {
        double total = LondonWorkload.POPULATION.values().stream().mapToDouble(Double::doubleValue).sum();
        for (Borough borough : List.of(Borough.CROYDON, Borough.KENSINGTON_AND_CHELSEA, Borough.NEWHAM)) {
            assertThat(share(j -> j.borough() == borough))
                    .as(borough.displayName()).isCloseTo(LondonWorkload.POPULATION.get(borough) / total, within(0.006));
        }
    }

    @Test
    void oneBcuGetsEveryReportInItsBoroughsPopulationShares() {
        LondonWorkload centralEast = new LondonWorkload(new LondonWorkload.Settings(42, YEAR, AS_OF, "CE", BasicCommandUnit.CENTRAL_EAST));
        List<Journey> journeys = Stream.generate(centralEast::next).limit(4_000).toList();
        assertThat(journeys).allMatch(j -> j.borough().bcu() == BasicCommandUnit.CENTRAL_EAST);
        double hackney = LondonWorkload.POPULATION.get(Borough.HACKNEY);
        double towerHamlets = LondonWorkload.POPULATION.get(Borough.TOWER_HAMLETS);
        assertThat((double) journeys.stream().filter(j -> j.borough() == Borough.HACKNEY).count() / journeys.size())
                .isCloseTo(hackney / (hackney + towerHamlets), within(0.03));
    }

    @Test
    void mostVolumeCrimeIsFiledWithoutASuspectAndAMinorityIsCharged() {
        Predicate<Journey> volume = j -> j.offence() == OffenceCategory.THEFT || j.offence() == OffenceCategory.VEHICLE_OFFENCE;
        long volumeCases = sample.stream().filter(volume).count();
        long volumeWithoutSuspect = sample.stream().filter(volume)
                .filter(j -> j.outcome() == Outcome.NOT_INVESTIGATED || j.outcome() == Outcome.FILED_NO_SUSPECT).count();
        assertThat((double) volumeWithoutSuspect / volumeCases).isGreaterThan(0.8);
        assertThat(share(j -> j.offence() == OffenceCategory.THEFT)).isCloseTo(0.30, within(0.02));
        assertThat(share(j -> j.outcome().charged())).isBetween(0.04, 0.10);
    }

    @Test
    void aboutOneVictimInEightIsARepeatVictimAndAMinorityHaveEnhancedRights() {
        assertThat(share(Journey::repeatVictim)).isCloseTo(LondonWorkload.REPEAT_VICTIM_SHARE, within(0.01));
        assertThat(share(Journey::enhanced)).isBetween(0.15, 0.35);
        assertThat(sample.stream().filter(Journey::repeatVictim).map(Journey::victim).distinct().count())
                .as("a repeat victim is a person seen in an earlier case").isLessThan(sample.size() / 8);
    }

    @Test
    void courtStagesTakeAbout170DaysAtMagistratesAnd500AtTheCrownCourt() {
        assertThat(median(Outcome.CHARGED_MAGISTRATES)).isCloseTo(LondonWorkload.MAGISTRATES_MEDIAN_DAYS, within(25.0));
        assertThat(median(Outcome.CHARGED_CROWN)).isCloseTo(LondonWorkload.CROWN_MEDIAN_DAYS, within(60.0));
    }

    @Test
    void everyStepIsWithinTheYearOrAfterItAndNeverAfterAsOfOrBeforeTheReport() {
        for (Journey journey : sample) {
            assertThat(journey.reportedAt()).isBetween(YEAR, YEAR.plus(Duration.ofDays(366)));
            assertThat(journey.steps()).isSortedAccordingTo(Comparator.comparing(Journey.Step::at));
            assertThat(journey.steps().get(0).at()).isEqualTo(journey.reportedAt());
            assertThat(journey.steps().get(journey.steps().size() - 1).at()).isBeforeOrEqualTo(AS_OF);
        }
    }

    @Test
    void namesAreObviouslySynthetic() {
        AddVictimCommand added = (AddVictimCommand) sample.get(0).steps().get(2).command().apply(new PlainContext());
        assertThat(added.personalDetails().ciphertext()).contains("Synthetic Victim").contains("@example.invalid");
    }

    private static LondonWorkload workload(long seed) {
        return new LondonWorkload(new LondonWorkload.Settings(seed, YEAR, AS_OF, "SYN-" + seed));
    }

    private static double share(Predicate<Journey> which) {
        return (double) sample.stream().filter(which).count() / sample.size();
    }

    private static double median(Outcome outcome) {
        List<Integer> days = sample.stream().filter(j -> j.outcome() == outcome && j.courtDays() > 0)
                .map(Journey::courtDays).sorted().toList();
        assertThat(days).as(outcome + " cases").hasSizeGreaterThan(30);
        return days.get(days.size() / 2);
    }

    private static List<CaseCommand> commands(List<Journey> journeys) {
        List<CaseCommand> commands = new ArrayList<>();
        for (Journey journey : journeys) {
            for (Journey.Step step : journey.steps()) {
                commands.add(step.command().apply(new PlainContext()));
            }
        }
        return commands;
    }

    /** Versions are the step indexes and sealing is the identity: enough to compare two plans. */
    private static final class PlainContext implements Journey.Context {
        @Override
        public long versionAfter(int index) {
            return index;
        }

        @Override
        public Sealed seal(PersonId person, String plaintext) {
            return new Sealed(person, plaintext);
        }
    }
}
