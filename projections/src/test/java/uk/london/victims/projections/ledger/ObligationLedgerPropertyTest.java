package uk.london.victims.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.WorkingDayCalendar;
import uk.london.victims.projections.review.ComplianceReviewView;
import uk.london.victims.projections.review.FindComplianceReviewQuery;
import uk.london.victims.projections.review.ReviewDimension;

/**
 * Random journeys (any order of the events the rules look at, back-dated and late recordings, reclassified
 * crimes, enhanced rights gained, waivers, erasures) through the ledger: at any instant its obligations are
 * the rule engine's, and its review figures (stored, or counted from the ledger for a past date) are those
 * of the full computation the service used before it.
 */
class ObligationLedgerPropertyTest {

    private static final ObligationLedger LEDGER = new ObligationLedger(LedgerFixtures.EVALUATOR);
    private static final FullScanReview ORACLE = new FullScanReview(LedgerFixtures.EVALUATOR);
    private static final List<String> BOROUGHS = List.of("HACKNEY", "TOWER_HAMLETS", "HARROW", "CROYDON");

    /** One step of a journey: which event, how long after the last it happened (or before: back-dated), how late recorded. */
    record Step(int kind, int minutesAfter, int recordedLate, int pick, int other) {
    }

    record Journey(Instant reported, List<Step> steps) {
    }

    @Provide
    Arbitrary<Journey> journeys() {
        // From before the 2020 edition came into force to 2027, across clock changes and bank holidays.
        Arbitrary<Instant> reported = Arbitraries.longs().between(0, Duration.ofDays(6 * 365).toMinutes())
                .map(m -> LocalDateTime.of(2020, 12, 1, 0, 0).atZone(WorkingDayCalendar.LONDON).toInstant().plus(Duration.ofMinutes(m)));
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(-3000, 6000), Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, Arbitraries.just(0)), net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0, 600)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(600, 20000))),
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000)).as(Step::new);
        return Combinators.combine(reported, step.list().ofMinSize(1).ofMaxSize(25)).as(Journey::new);
    }

    @Provide
    Arbitrary<List<Journey>> cases() {
        // Cases reported within a month of each other, so that a period counts several.
        return journeys().list().ofMinSize(1).ofMaxSize(5).map(list -> list.stream()
                .map(j -> new Journey(list.get(0).reported().plus(Duration.ofMinutes(
                        Math.floorMod(j.reported().getEpochSecond() / 60, 30 * 1440))), j.steps())).toList());
    }

    @Property(tries = 300)
    void atAnyInstantTheLedgerGivesTheRuleEnginesObligations(@ForAll("journeys") Journey journey,
                                                             @ForAll @Size(5) List<@IntRange(min = 0, max = 100_000) Integer> minutes) {
        List<CaseFact> facts = facts(journey);
        Map<String, LedgerEntry> entries = replay("C", facts, null, null);

        TreeSet<Instant> instants = new TreeSet<>();
        for (CaseFact fact : facts) {
            instants.add(fact.recordedAt());
            instants.add(fact.recordedAt().minusNanos(1));
        }
        for (Obligation o : LedgerFixtures.EVALUATOR.evaluate(facts, Instant.MAX)) {
            if (o.deadline() != null) {
                instants.add(o.deadline());
                instants.add(o.deadline().plusNanos(1));
            }
        }
        minutes.forEach(m -> instants.add(journey.reported().plus(Duration.ofMinutes(m))));
        for (Instant asOf : instants) {
            assertThat(ObligationLedger.asOf(entries.values(), asOf)).as("as of %s", asOf)
                    .isEqualTo(LedgerFixtures.EVALUATOR.evaluate(facts, asOf));
        }
    }

    @Property(tries = 150)
    void theReviewFromTheLedgerEqualsTheFullComputation(@ForAll("cases") List<Journey> journeys,
                                                        @ForAll ReviewDimension groupBy, @ForAll ReviewDimension thenBy,
                                                        @ForAll boolean twoWay, @ForAll @IntRange(min = 0, max = 3) int place,
                                                        @ForAll @IntRange(min = 0, max = 6) int fromDay,
                                                        @ForAll @IntRange(min = 1, max = 60) int days,
                                                        @ForAll @IntRange(min = 0, max = 30_000) int pastMinutes,
                                                        @ForAll @IntRange(min = 0, max = 59) int pastSeconds,
                                                        @ForAll @IntRange(min = -40, max = 40) int historyCut) {
        Map<String, List<CaseFact>> cases = new LinkedHashMap<>();
        for (int i = 0; i < journeys.size(); i++) {
            cases.put("case-" + i, facts(journeys.get(i)));
        }
        Instant earliest = journeys.stream().map(Journey::reported).min(Instant::compareTo).orElseThrow();
        LocalDate first = earliest.atZone(WorkingDayCalendar.LONDON).toLocalDate().plusDays(fromDay - 3);
        Instant from = first.atStartOfDay(WorkingDayCalendar.LONDON).toInstant();
        Instant to = first.plusDays(days).atStartOfDay(WorkingDayCalendar.LONDON).toInstant();
        ReviewDimension second = twoWay && thenBy != groupBy ? thenBy : null;
        String bcu = place == 0 ? uk.london.victims.domain.geography.Borough.HACKNEY.bcu().displayName() : null;
        List<List<ReviewDimension>> pairs = second == null ? List.of() : List.of(List.of(second, groupBy));

        // Half the time, figures counted before histories were kept (the first changes), as in a store built before.
        Figures figures = new Figures(Math.max(0, historyCut));
        Map<String, Map<String, LedgerEntry>> ledgers = new LinkedHashMap<>();
        cases.forEach((caseId, facts) -> ledgers.put(caseId, replay(caseId, facts, figures, pairs)));

        Instant now = cases.values().stream().flatMap(List::stream).map(CaseFact::recordedAt).max(Instant::compareTo).orElseThrow()
                .plus(Duration.ofDays(30));
        FindComplianceReviewQuery known = new FindComplianceReviewQuery(from, to, now, groupBy, second, bcu, null);
        List<BucketFigures> buckets = figures.buckets.values().stream()
                .filter(b -> bcu == null || b.id.endsWith("|" + bcu)).filter(b -> inPeriod(b.id, from, to)).toList();
        ComplianceReviewView full = ORACLE.review(cases, known);
        assertThat(LedgerReview.view(known, LedgerReview.cellsOf(known, buckets))).isEqualTo(full);
        Statistics.label("obligations counted now").collect(full.total().opened() == 0 ? "none" : full.total().opened() < 10 ? "1-9" : "10+");
        Statistics.label("overdue now").collect(full.total().overdue() > 0);

        FindComplianceReviewQuery past = new FindComplianceReviewQuery(from, to,
                earliest.plus(Duration.ofMinutes(pastMinutes)).plusSeconds(pastSeconds), groupBy, second, bcu, null);
        List<LedgerReview.Counted> counted = new ArrayList<>();
        ledgers.forEach((caseId, entries) -> counted.addAll(LedgerReview.counted(caseId, entries.values(), past)));
        ComplianceReviewView expected = ORACLE.review(cases, past);
        assertThat(LedgerReview.view(past, LedgerReview.count(counted, past))).isEqualTo(expected);
        Statistics.label("open at the past date").collect(expected.total().open() > 0);

        // As the queries answer a past date (ADR 0042): the days unchanged since from their figures, the days changed
        // since from their figures less their history recorded after it, unless it cannot say exactly: then counted.
        Set<String> changed = LedgerReview.changedSince(buckets, past.asOf());
        List<BucketFigures> thenKnown = new ArrayList<>();
        Set<String> toCount = new TreeSet<>();
        for (BucketFigures bucket : buckets) {
            if (!changed.contains(bucket.id)) {
                thenKnown.add(bucket);
                continue;
            }
            List<BucketFigures> history = figures.history.values().stream().filter(h -> h.bucket.equals(bucket.id)).toList();
            FigureHistory.asKnownAt(bucket, history, past.asOf()).ifPresentOrElse(thenKnown::add, () -> toCount.add(bucket.id));
        }
        Map<CellKey, Cell> mixed = LedgerReview.cellsOf(past, thenKnown);
        LedgerReview.countInto(mixed, LedgerReview.inBuckets(counted, toCount), past);
        assertThat(LedgerReview.view(past, mixed)).isEqualTo(expected);
        Statistics.label("days changed since the past date").collect(changed.isEmpty() ? "none"
                : toCount.isEmpty() ? "all from their history" : toCount.size() == changed.size() ? "all counted" : "some counted");
    }

    private static boolean inPeriod(String bucketId, Instant from, Instant to) {
        LocalDate day = LocalDate.parse(bucketId.substring(0, bucketId.indexOf('|')));
        return !day.isBefore(from.atZone(WorkingDayCalendar.LONDON).toLocalDate())
               && day.isBefore(to.atZone(WorkingDayCalendar.LONDON).toLocalDate());
    }

    /**
     * The review's figures and their history as the processor keeps them, in memory; histories kept from the
     * {@code cut}-th change counted on (before: figures of a store built before histories were kept).
     */
    static final class Figures {
        final Map<String, BucketFigures> buckets = new LinkedHashMap<>();
        final Map<String, BucketFigures> history = new LinkedHashMap<>();
        private final int cut;
        private int counted;

        Figures(int cut) {
            this.cut = cut;
        }

        /** Counts a change in its buckets, and from the cut on in their history first, each twice: delivery is at least once. */
        void count(String caseId, long version, BucketFigures.Change change, List<List<ReviewDimension>> pairs) {
            boolean keepHistory = counted++ >= cut;
            for (String bucket : change.buckets()) {
                boolean created = !buckets.containsKey(bucket);
                if (keepHistory) {
                    buckets.computeIfAbsent(bucket, BucketFigures::new).keepHistory(created);
                    for (String id : FigureHistory.ids(bucket, change.recordedAt())) {
                        apply(history, id, new BucketFigures(id, bucket), caseId, version, change, pairs);
                    }
                }
                apply(buckets, bucket, new BucketFigures(bucket), caseId, version, change, pairs);
            }
        }

        private static void apply(Map<String, BucketFigures> documents, String id, BucketFigures created, String caseId,
                                  long version, BucketFigures.Change change, List<List<ReviewDimension>> pairs) {
            // Read back for the update as the processor reads it (ADR 0057): its cells decoded only where changed.
            BucketFigures f = documents.containsKey(id) ? BucketFigures.forUpdate(BucketFigures.toDocument(documents.get(id))) : created;
            Map<CellKey, Cell> delta = change.delta(f.bucket, List.of(ReviewDimension.values()), pairs);
            f.apply(caseId, version, delta, change.recordedAt());
            assertThat(f.apply(caseId, version, delta, change.recordedAt())).isFalse();
            documents.put(id, BucketFigures.fromDocument(BucketFigures.toDocument(f)));
        }
    }

    /** Applies a case's facts one at a time as the processor does, the entries going through their stored form each time. */
    static Map<String, LedgerEntry> replay(String caseId, List<CaseFact> facts, Figures figures, List<List<ReviewDimension>> pairs) {
        Map<String, LedgerEntry> entries = new LinkedHashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            ObligationLedger.Applied applied = LEDGER.apply(entries, facts.subList(0, i + 1));
            if (figures != null) {
                figures.count(caseId, i, BucketFigures.change(entries, applied), pairs);
            }
            entries = LedgerDocuments.entries(new Document("entries", LedgerDocuments.toDocuments(applied.entries())));
        }
        return entries;
    }

    /** A journey's facts: times, victims and the events referred to are drawn from the steps. */
    static List<CaseFact> facts(Journey journey) {
        List<CaseFact> facts = new ArrayList<>();
        List<String> victims = new ArrayList<>();
        Instant occurred = journey.reported();
        Instant recorded = journey.reported();
        facts.add(new CaseFact(0, "CrimeReported", occurred, recorded, Map.of("channel", "ONLINE")));
        victims.add("V0");
        facts.add(new CaseFact(1, "VictimAdded", occurred, recorded, Map.of("victimId", "V0", "kind", "DIRECT_VICTIM")));
        for (Step step : journey.steps()) {
            long sequence = facts.size();
            Instant at = occurred.plus(Duration.ofMinutes(step.minutesAfter()));
            at = at.isBefore(journey.reported()) ? journey.reported() : at;
            occurred = step.minutesAfter() >= 0 ? at : occurred;
            // A late record lands within its minute too, so that a past date's minute can hold changes before and after it.
            Instant when = at.plus(Duration.ofMinutes(step.recordedLate())).plusSeconds(step.recordedLate() == 0 ? 0 : step.other() % 60);
            recorded = when.isAfter(recorded) ? when : recorded;
            String victim = victims.get(step.pick() % victims.size());
            long about = step.other() % sequence;
            Map<String, Object> fields = new LinkedHashMap<>();
            String type = switch (step.kind()) {
                case 0 -> {
                    fields.put("borough", BOROUGHS.get(step.pick() % BOROUGHS.size()));
                    fields.put("offence", step.other() % 2 == 0 ? "ROBBERY" : "BURGLARY_RESIDENTIAL");
                    fields.put("priorityFlags", step.other() % 3 == 0 ? List.of("WEAPON_BASED", "HATE_CRIME") : List.of());
                    yield "CrimeRecorded";
                }
                case 1 -> {
                    fields.put("offence", step.other() % 2 == 0 ? "THEFT" : "ASSAULT");
                    fields.put("priorityFlags", step.other() % 3 == 0 ? List.of("DOMESTIC_ABUSE") : List.of());
                    yield "CrimeReclassified";
                }
                case 2 -> {
                    String added = "V" + victims.size();
                    victims.add(added);
                    fields.put("victimId", added);
                    fields.put("kind", step.other() % 4 == 0 ? "BEREAVED_FAMILY_MEMBER" : "DIRECT_VICTIM");
                    fields.put("under18AtOffence", step.other() % 5 == 0);
                    yield "VictimAdded";
                }
                case 3 -> {
                    fields.put("victimId", victim);
                    fields.put("enhancedRightsReasons", step.other() % 2 == 0 ? List.of("INTIMIDATED") : List.of());
                    yield "NeedsAssessed";
                }
                case 4 -> {
                    fields.put("victimId", victim);
                    fields.put("channels", step.other() % 3 == 0 ? List.of() : List.of("EMAIL"));
                    fields.put("unsafeChannels", step.other() % 2 == 0 ? List.of("SMS") : List.of());
                    fields.put("declinedUpdates", step.other() % 7 == 0);
                    yield "ContactPreferencesSet";
                }
                case 5 -> {
                    fields.put("victimId", victim);
                    fields.put("ageBand", step.other() % 2 == 0 ? "AGE_35_44" : "AGE_18_24");
                    fields.put("sex", step.other() % 3 == 0 ? "FEMALE" : "MALE");
                    yield "EqualityDataRecorded";
                }
                case 6 -> "SuspectArrested";
                case 7 -> "SuspectCharged";
                case 8 -> {
                    fields.put("decision", step.other() % 2 == 0 ? "CHARGE" : "NO_FURTHER_ACTION");
                    yield "ChargingDecisionMade";
                }
                case 9 -> "HearingListed";
                case 10, 11 -> {
                    fields.put("aboutSequence", about);
                    yield "CourtInformationReceivedByWitnessCare";
                }
                case 12, 13, 14 -> {
                    fields.put("victimId", victim);
                    fields.put("aboutSequence", about);
                    yield "VictimInformed";
                }
                case 15 -> {
                    fields.put("sentence", step.other() % 2 == 0 ? "IMMEDIATE_CUSTODY" : "FINE");
                    yield "SentenceRecorded";
                }
                case 16 -> {
                    fields.put("outcome", step.other() % 2 == 0 ? "BAILED" : "GUILTY_PLEA");
                    yield "HearingOutcomeRecorded";
                }
                case 17 -> {
                    fields.put("victimId", victim);
                    fields.put("step", step.other() % 2 == 0 ? "OFFERED" : "DECLINED");
                    yield "VictimPersonalStatementRecorded";
                }
                case 18 -> {
                    fields.put("victimId", victim);
                    fields.put("agency", step.other() % 2 == 0 ? "POLICE" : "CPS");
                    yield step.other() % 3 == 0 ? "ComplaintMade" : "UpdateRequested";
                }
                case 19 -> {
                    fields.put("victimId", victim);
                    fields.put("step", "ACKNOWLEDGED");
                    yield "ComplaintResponseRecorded";
                }
                default -> {
                    // An erasure destroys a person's key; the case's events, and so its obligations, stay whole.
                    fields.put("personId", victim);
                    yield "PersonalDataErased";
                }
            };
            facts.add(new CaseFact(sequence, type, at, recorded, fields));
        }
        return facts;
    }
}
