package uk.london.victims.projections.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import uk.london.victims.domain.cases.ServiceStage;
import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.projections.obligations.ObligationQueries;
import uk.london.victims.projections.timeline.CaseTimelineProjection;

/**
 * The test oracle for the Police and Crime Plan's measures: how they were computed before the
 * {@link PlanMeasuresProjection} existed, from every case timeline as known at the as-of date, re-read on each
 * question. Its cost grows with every case ever recorded, so it is no production path; it is kept as written
 * so that the projection's answers can be shown equal to it.
 */
class PlanMeasuresOracle {

    private static final int SCAN_BATCH = 200;

    private static final Duration TWELVE_MONTHS = Duration.ofDays(365);

    private final MongoCollection<Document> timelines;
    private final int threshold;

    PlanMeasuresOracle(MongoDatabase database, int threshold) {
        this.timelines = database.getCollection(CaseTimelineProjection.COLLECTION);
        this.threshold = threshold;
    }

    PlanMeasuresView handle(FindPlanMeasuresQuery query) {
        long cases = 0;
        Map<String, Map<String, Long>> attrition = new TreeMap<>();
        Map<String, List<Double>> reportToOutcome = new TreeMap<>();
        Map<String, List<Double>> chargeToOutcome = new TreeMap<>();
        Map<String, List<Instant>> reportsByVictim = new HashMap<>();
        Set<String> victimsInPeriod = new HashSet<>();
        long rjOffered = 0;
        long rjTakenUp = 0;
        long victimsCharged = 0;
        long vpsOffered = 0;
        Map<String, List<Integer>> ratingsByStage = new HashMap<>();
        // In batches: the embedded server otherwise answers a scan in one reply, which past the driver's
        // 48 MB message limit (about 16,000 cases) fails the whole query.
        for (Document timeline : timelines.find().batchSize(SCAN_BATCH)) {
            List<CaseFact> facts = ObligationQueries.facts(timeline).stream()
                    .filter(f -> !f.recordedAt().isAfter(query.asOf())).toList();
            if (facts.isEmpty() || !facts.get(0).type().equals("CrimeReported")) {
                continue;
            }
            Instant reported = facts.get(0).occurredAt();
            Set<String> victims = new HashSet<>();
            facts.stream().filter(f -> f.type().equals("VictimAdded")).forEach(f -> victims.add(f.text("victimId")));
            victims.forEach(v -> reportsByVictim.computeIfAbsent(v, x -> new ArrayList<>()).add(reported));
            if (reported.isBefore(query.from()) || !reported.isBefore(query.to())) {
                continue;
            }
            cases++;
            victimsInPeriod.addAll(victims);
            String offence = facts.stream().filter(f -> f.type().equals("CrimeRecorded") || f.type().equals("CrimeReclassified"))
                    .reduce((a, b) -> b).map(f -> f.text("offence")).orElse("not recorded");
            boolean convicted = has(facts, "HearingOutcomeRecorded", "outcome", "GUILTY_PLEA") || has(facts, "VerdictRecorded", "verdict", "GUILTY");
            String ending = ending(facts);
            if (!convicted && ending != null) {
                attrition.computeIfAbsent(offence, o -> new TreeMap<>()).merge(ending, 1L, Long::sum);
            }
            Instant outcome = facts.stream().filter(f -> (f.type().equals("HearingOutcomeRecorded") && "GUILTY_PLEA".equals(f.text("outcome")))
                    || f.type().equals("VerdictRecorded")).map(CaseFact::occurredAt).min(Instant::compareTo).orElse(null);
            if (outcome != null) {
                boolean crown = has(facts, "HearingOutcomeRecorded", "outcome", "SENT_TO_CROWN_COURT")
                                || facts.stream().anyMatch(f -> f.type().equals("HearingListed") && f.text("court") != null
                                                                && f.text("court").contains("Crown"));
                String court = crown ? "Crown Court" : "magistrates' court";
                reportToOutcome.computeIfAbsent(court, c -> new ArrayList<>()).add(days(reported, outcome));
                facts.stream().filter(f -> f.type().equals("SuspectCharged")
                                           || (f.type().equals("ChargingDecisionMade") && "CHARGE".equals(f.text("decision"))))
                     .map(CaseFact::occurredAt).min(Instant::compareTo)
                     .ifPresent(charged -> chargeToOutcome.computeIfAbsent(court, c -> new ArrayList<>()).add(days(charged, outcome)));
            }
            if (has(facts, "RestorativeJusticeStepRecorded", "step", "OFFERED")) {
                rjOffered++;
            }
            if (has(facts, "RestorativeJusticeStepRecorded", "step", "REQUESTED_BY_VICTIM|CONFERENCE_HELD|INDIRECT_COMMUNICATION_HELD")) {
                rjTakenUp++;
            }
            latestRatings(facts).forEach((stage, ratings) ->
                    ratingsByStage.computeIfAbsent(stage, s -> new ArrayList<>()).addAll(ratings));
            boolean charged = facts.stream().anyMatch(f -> f.type().equals("SuspectCharged")
                    || (f.type().equals("ChargingDecisionMade") && "CHARGE".equals(f.text("decision"))));
            if (charged) {
                victimsCharged += victims.size();
                vpsOffered += victims.stream().filter(v -> facts.stream().anyMatch(f -> f.type().equals("VictimPersonalStatementRecorded")
                        && v.equals(f.text("victimId")))).count();
            }
        }
        long repeat = victimsInPeriod.stream().filter(v -> repeated(reportsByVictim.get(v))).count();
        return new PlanMeasuresView(query.from(), query.to(), query.asOf(), cases, attrition, medians(reportToOutcome),
                medians(chargeToOutcome), victimsInPeriod.size(), repeat, rjOffered, rjTakenUp, victimsCharged, vpsOffered,
                satisfaction(ratingsByStage));
    }

    /** Per stage, each victim's latest rating in this case: a victim who changes their mind counts once. */
    private static Map<String, List<Integer>> latestRatings(List<CaseFact> facts) {
        Map<String, Map<String, Integer>> byStage = new HashMap<>();
        facts.stream().filter(f -> f.type().equals("TreatmentRated"))
             .sorted(java.util.Comparator.comparingLong(CaseFact::sequence))
             .forEach(f -> byStage.computeIfAbsent(f.text("stage"), s -> new HashMap<>())
                                  .put(f.text("victimId"), f.number("rating").intValue()));
        Map<String, List<Integer>> latest = new HashMap<>();
        byStage.forEach((stage, byVictim) -> latest.put(stage, new ArrayList<>(byVictim.values())));
        return latest;
    }

    private List<StageSatisfaction> satisfaction(Map<String, List<Integer>> ratingsByStage) {
        List<StageSatisfaction> stages = new ArrayList<>();
        for (ServiceStage stage : ServiceStage.values()) {
            List<Integer> ratings = ratingsByStage.getOrDefault(stage.name(), List.of());
            long n = ratings.size();
            if (n > 0 && n < threshold) {
                stages.add(new StageSatisfaction(stage.name(), null, null, true));
            } else {
                long good = ratings.stream().filter(r -> r >= 4).count();
                stages.add(new StageSatisfaction(stage.name(), n, n == 0 ? null : (double) good / n, false));
            }
        }
        return stages;
    }

    /** How a case ended without a conviction, if it did; the latest such ending counts. */
    private static String ending(List<CaseFact> facts) {
        String ending = null;
        for (CaseFact f : facts) {
            switch (f.type()) {
                case "CrimeNotInvestigated" -> ending = "not investigated";
                case "NoFurtherActionTaken" -> ending = "no further action (police)";
                case "ChargingDecisionMade" -> ending = "NO_FURTHER_ACTION".equals(f.text("decision")) ? "no further action (CPS)" : ending;
                case "ProsecutionDiscontinued", "NoEvidenceOffered" -> ending = "prosecution stopped";
                case "VerdictRecorded" -> ending = "NOT_GUILTY".equals(f.text("verdict")) ? "acquitted" : ending;
                case "CaseFiled" -> ending = "filed";
                case "CaseReopened" -> ending = null;
                default -> {
                }
            }
        }
        return ending;
    }

    private static boolean repeated(List<Instant> reports) {
        if (reports == null || reports.size() < 2) {
            return false;
        }
        List<Instant> sorted = reports.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (Duration.between(sorted.get(i - 1), sorted.get(i)).compareTo(TWELVE_MONTHS) <= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(List<CaseFact> facts, String type, String field, String values) {
        return facts.stream().anyMatch(f -> f.type().equals(type) && f.matches(Map.of(field, values)));
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes() / 1440.0;
    }

    private static Map<String, Double> medians(Map<String, List<Double>> values) {
        Map<String, Double> medians = new TreeMap<>();
        values.forEach((group, list) -> {
            List<Double> sorted = list.stream().sorted().toList();
            int n = sorted.size();
            medians.put(group, n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
        });
        return medians;
    }
}
