package uk.london.victims.domain.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.london.victims.domain.cases.Agency;

/** The compliance engine on hand-made histories: every status, the chained clock, waivers, editions, as-of. */
class ObligationEvaluatorTest {

    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(
            List.of(LocalDate.parse("2024-03-29"), LocalDate.parse("2024-04-01"), LocalDate.parse("2024-05-06"),
                    LocalDate.parse("2020-05-08")),
            LocalDate.parse("2019-01-01"), LocalDate.parse("2026-12-31"));

    private static CodeRule informOfArrest(String edition, int standard, int enhanced) {
        return new CodeRule("R6-police-decision", "R6", "Told of the arrest (" + edition + ")", Agency.POLICE,
                List.of("SuspectArrested"), Map.of(), ClockStart.EVENT, new TimeLimit(standard, LimitUnit.WORKING_DAYS),
                new TimeLimit(enhanced, LimitUnit.WORKING_DAYS), EvidenceKind.VICTIM_INFORMED, List.of(), true,
                List.of(WaiverReason.DECLINED, WaiverReason.NOT_SAFE_TO_CONTACT), Confidence.HIGH, "test", null);
    }

    private static final CodeRule HEARING_TO_WCU = new CodeRule("R8-hearing-to-witness-care", "R8", "Court sends the listing",
            Agency.COURT, List.of("HearingListed"), Map.of(), ClockStart.EVENT, new TimeLimit(5, LimitUnit.WORKING_DAYS), null,
            EvidenceKind.WITNESS_CARE_RECEIPT, List.of(), false, List.of(), Confidence.LOW, "test", null);
    private static final CodeRule HEARING_DATE = new CodeRule("R8-hearing-date", "R8", "Told the hearing date", Agency.WITNESS_CARE,
            List.of("HearingListed"), Map.of(), ClockStart.WITNESS_CARE_RECEIPT, new TimeLimit(1, LimitUnit.WORKING_DAYS), null,
            EvidenceKind.VICTIM_INFORMED, List.of(), true, List.of(WaiverReason.DECLINED), Confidence.HIGH, "test", null);
    private static final CodeRule RECORDED = new CodeRule("R2-crime-recorded", "R2", "Recorded within 24 hours", Agency.POLICE,
            List.of("CrimeReported"), Map.of(), ClockStart.EVENT, new TimeLimit(24, LimitUnit.HOURS), null, EvidenceKind.EVENT,
            List.of("CrimeRecorded"), true, List.of(), Confidence.MEDIUM, "test", null);

    private static final VictimsCode CODE = new VictimsCode(List.of(
            new CodeEdition("2015", "2015 edition", LocalDate.parse("2015-11-16"), LocalDate.parse("2021-03-31"),
                    List.of(informOfArrest("2015", 3, 2))),
            new CodeEdition("2020", "2020 edition", LocalDate.parse("2021-04-01"), null,
                    List.of(informOfArrest("2020", 5, 1), HEARING_TO_WCU, HEARING_DATE, RECORDED))));

    private final ObligationEvaluator evaluator = new ObligationEvaluator(CODE, CALENDAR);

    /** Builds a case's facts in order; each is recorded when it happened unless said otherwise. */
    private static final class History {
        final List<CaseFact> facts = new ArrayList<>();

        History add(String type, String at, Map<String, Object> fields) {
            return addRecorded(type, at, at, fields);
        }

        History addRecorded(String type, String at, String recordedAt, Map<String, Object> fields) {
            facts.add(new CaseFact(facts.size(), type, Instant.parse(at), Instant.parse(recordedAt), new HashMap<>(fields)));
            return this;
        }

        long last() {
            return facts.size() - 1;
        }
    }

    /** Report on Monday 6 May 2024 is a bank holiday; use Tuesday 7 May 2024 as day 0 (BST: London = UTC+1). */
    private static History victimAndArrest(boolean enhanced) {
        return new History()
                .add("CrimeReported", "2024-05-07T09:00:00Z", Map.of("channel", "ONLINE"))
                .add("VictimAdded", "2024-05-07T09:30:00Z", Map.of("victimId", "V1", "kind", "DIRECT_VICTIM",
                        "under18AtOffence", enhanced))
                .add("SuspectArrested", "2024-05-08T10:00:00Z", Map.of("suspectId", "S1"));
    }

    private static Map<String, Object> told(String victim, long about) {
        return Map.of("victimId", victim, "aboutSequence", about, "channel", "PHONE", "informedBy", "PC 1");
    }

    private List<Obligation> r6(History history, String asOf) {
        return evaluator.evaluate(history.facts, Instant.parse(asOf)).stream().filter(o -> o.right().equals("R6")).toList();
    }

    @Test
    void anEnhancedVictimToldTheNextWorkingDayIsMetOnTime() {
        History history = victimAndArrest(true);
        long arrest = history.last();
        history.add("VictimInformed", "2024-05-09T16:00:00Z", told("V1", arrest));

        Obligation obligation = r6(history, "2024-06-01T00:00:00Z").get(0);

        assertThat(obligation.status()).isEqualTo(ObligationStatus.MET_ON_TIME);
        assertThat(obligation.enhanced()).isTrue();
        // 1 working day after Wednesday 8 May: the end of Thursday 9 May, London time (BST).
        assertThat(obligation.deadline()).isEqualTo(Instant.parse("2024-05-09T22:59:59.999999999Z"));
        assertThat(obligation.evidenceSequence()).isEqualTo(arrest + 1);
        assertThat(obligation.timeToMeet()).isEqualTo(Duration.ofHours(30));
        assertThat(obligation.owner()).isEqualTo(Agency.POLICE);
        assertThat(obligation.edition()).isEqualTo("2020");
    }

    @Test
    void aStandardVictimToldAfterFiveWorkingDaysIsMetLate() {
        History history = victimAndArrest(false);
        long arrest = history.last();
        history.add("VictimInformed", "2024-05-16T09:00:00Z", told("V1", arrest));

        Obligation obligation = r6(history, "2024-06-01T00:00:00Z").get(0);

        assertThat(obligation.deadline()).isEqualTo(Instant.parse("2024-05-15T22:59:59.999999999Z"));
        assertThat(obligation.status()).isEqualTo(ObligationStatus.MET_LATE);
    }

    @Test
    void unmetIsOpenUntilTheDeadlineAndOverdueAfter() {
        History history = victimAndArrest(true);
        assertThat(r6(history, "2024-05-09T12:00:00Z").get(0).status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(r6(history, "2024-05-10T00:00:00Z").get(0).status()).isEqualTo(ObligationStatus.OVERDUE);
    }

    @Test
    void tellingAboutAnotherEventDoesNotMeetIt() {
        History history = victimAndArrest(true);
        history.add("VictimInformed", "2024-05-08T12:00:00Z", told("V1", 0));
        assertThat(r6(history, "2024-05-20T00:00:00Z").get(0).status()).isEqualTo(ObligationStatus.OVERDUE);
    }

    @Test
    void theAnswerForADateDoesNotChangeWhenLaterEventsAreRecorded() {
        History before = victimAndArrest(false);
        List<Obligation> then = evaluator.evaluate(before.facts, Instant.parse("2024-05-20T00:00:00Z"));

        History after = victimAndArrest(false);
        // Recorded late: the victim was told on time, but the officer entered it a fortnight afterwards.
        after.addRecorded("VictimInformed", "2024-05-10T09:00:00Z", "2024-05-24T09:00:00Z", told("V1", 2));
        after.add("SuspectReleasedOnBail", "2024-05-25T09:00:00Z", Map.of("suspectId", "S1"));

        assertThat(evaluator.evaluate(after.facts, Instant.parse("2024-05-20T00:00:00Z"))).isEqualTo(then);
        assertThat(then.stream().filter(o -> o.right().equals("R6")).findFirst().orElseThrow().status())
                .isEqualTo(ObligationStatus.OVERDUE);
        // Once recorded, history is corrected with the real time: it was met on time after all.
        assertThat(r6(after, "2024-06-01T00:00:00Z").get(0).status()).isEqualTo(ObligationStatus.MET_ON_TIME);
    }

    @Test
    void declinedOrUnsafeContactWaivesItWithTheReason() {
        History declined = victimAndArrest(true);
        declined.facts.add(2, new CaseFact(99, "ContactPreferencesSet", Instant.parse("2024-05-07T10:00:00Z"),
                Instant.parse("2024-05-07T10:00:00Z"), Map.of("victimId", "V1", "declinedUpdates", true,
                "channels", List.of(), "unsafeChannels", List.of())));
        assertThat(r6(declined, "2024-06-01T00:00:00Z").get(0).waivedFor()).isEqualTo(WaiverReason.DECLINED);

        History unsafe = victimAndArrest(true);
        unsafe.add("ContactPreferencesSet", "2024-05-08T09:00:00Z", Map.of("victimId", "V1", "declinedUpdates", false,
                "channels", List.of(), "unsafeChannels", List.of("PHONE", "SMS")));
        unsafe.add("SuspectArrested", "2024-05-08T10:00:00Z", Map.of("suspectId", "S2"));
        List<Obligation> obligations = r6(unsafe, "2024-06-01T00:00:00Z");
        assertThat(obligations).extracting(Obligation::status)
                               .containsExactly(ObligationStatus.WAIVED, ObligationStatus.WAIVED);
        assertThat(obligations).extracting(Obligation::waivedFor).containsOnly(WaiverReason.NOT_SAFE_TO_CONTACT);
    }

    @Test
    void enhancedRightsFoundLaterApplyToClocksStartedAfterButDoNotRewriteEarlierOnes() {
        History history = victimAndArrest(false);
        history.add("NeedsAssessed", "2024-05-09T09:00:00Z", Map.of("victimId", "V1",
                "enhancedRightsReasons", List.of("INTIMIDATED")));
        history.add("SuspectArrested", "2024-05-09T12:00:00Z", Map.of("suspectId", "S2"));
        List<Obligation> obligations = r6(history, "2024-06-01T00:00:00Z");
        assertThat(obligations).extracting(Obligation::triggerSequence, Obligation::enhanced)
                               .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, false),
                                       org.assertj.core.groups.Tuple.tuple(4L, true));
    }

    @Test
    void theChainedClockBlamesTheCourtOrWitnessCareForTheirOwnDelay() {
        History history = victimAndArrest(true);
        history.add("HearingListed", "2024-05-10T15:00:00Z", Map.of("hearingId", "H1"));
        long listing = history.last();
        List<Obligation> awaiting = evaluator.evaluate(history.facts, Instant.parse("2024-05-13T12:00:00Z"));
        assertThat(find(awaiting, "R8-hearing-date").status()).isEqualTo(ObligationStatus.AWAITING_CLOCK);
        assertThat(find(awaiting, "R8-hearing-to-witness-care").status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(find(awaiting, "R8-hearing-to-witness-care").victimId()).isNull();

        // The court took 7 working days to send it (Friday 10 May to Tuesday 21 May); Witness Care then told
        // the victim within its 1 working day of receipt.
        history.add("CourtInformationReceivedByWitnessCare", "2024-05-21T09:00:00Z", Map.of("aboutSequence", listing));
        long receipt = history.last();
        history.add("VictimInformed", "2024-05-22T11:00:00Z", told("V1", receipt));
        List<Obligation> obligations = evaluator.evaluate(history.facts, Instant.parse("2024-06-01T00:00:00Z"));

        assertThat(find(obligations, "R8-hearing-to-witness-care").status()).isEqualTo(ObligationStatus.MET_LATE);
        Obligation told = find(obligations, "R8-hearing-date");
        assertThat(told.clockStart()).isEqualTo(Instant.parse("2024-05-21T09:00:00Z"));
        assertThat(told.status()).isEqualTo(ObligationStatus.MET_ON_TIME);
        assertThat(told.owner()).isEqualTo(Agency.WITNESS_CARE);
    }

    @Test
    void aClockIsJudgedByTheEditionInForceWhenItStarted() {
        History history = new History()
                .add("CrimeReported", "2021-03-30T09:00:00Z", Map.of())
                .add("VictimAdded", "2021-03-30T09:30:00Z", Map.of("victimId", "V1", "kind", "DIRECT_VICTIM"))
                .add("SuspectArrested", "2021-03-31T10:00:00Z", Map.of("suspectId", "S1"))
                .add("SuspectArrested", "2021-04-06T10:00:00Z", Map.of("suspectId", "S2"));
        List<Obligation> obligations = r6(history, "2021-06-01T00:00:00Z");
        assertThat(obligations).extracting(Obligation::edition).containsExactly("2015", "2020");
        assertThat(obligations).extracting(Obligation::obligation)
                               .containsExactly("Told of the arrest (2015)", "Told of the arrest (2020)");
    }

    @Test
    void aVictimKnownOnlyLaterIsOwedFromWhenTheyBecameKnown() {
        History history = new History()
                .add("CrimeReported", "2024-05-07T09:00:00Z", Map.of())
                .add("SuspectArrested", "2024-05-08T10:00:00Z", Map.of("suspectId", "S1"))
                .add("VictimAdded", "2024-05-14T09:00:00Z", Map.of("victimId", "V1", "kind", "DIRECT_VICTIM"));
        Obligation obligation = r6(history, "2024-05-14T12:00:00Z").get(0);
        assertThat(obligation.clockStart()).isEqualTo(Instant.parse("2024-05-14T09:00:00Z"));
        assertThat(obligation.status()).isEqualTo(ObligationStatus.OPEN);
    }

    @Test
    void hoursLimitsCountTheClockNotTheCalendar() {
        History history = new History()
                .add("CrimeReported", "2024-05-07T09:00:00Z", Map.of())
                .add("VictimAdded", "2024-05-07T09:00:00Z", Map.of("victimId", "V1", "kind", "DIRECT_VICTIM"))
                .add("CrimeRecorded", "2024-05-08T10:00:00Z", Map.of("crimeReference", "CRIS-1"));
        Obligation recorded = find(evaluator.evaluate(history.facts, Instant.parse("2024-06-01T00:00:00Z")), "R2-crime-recorded");
        assertThat(recorded.deadline()).isEqualTo(Instant.parse("2024-05-08T09:00:00Z"));
        assertThat(recorded.status()).isEqualTo(ObligationStatus.MET_LATE);
    }

    private static Obligation find(List<Obligation> obligations, String ruleId) {
        return obligations.stream().filter(o -> o.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }
}
