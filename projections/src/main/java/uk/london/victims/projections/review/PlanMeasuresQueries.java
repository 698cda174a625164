package uk.london.victims.projections.review;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import uk.london.victims.domain.cases.ServiceStage;
import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.domain.code.WorkingDayCalendar;

/**
 * The Police and Crime Plan's monitoring measures as known at the as-of date: attrition, days to court
 * outcome in magistrates' and Crown courts, repeat victimisation, restorative justice, Victim Personal
 * Statements and victims' satisfaction by stage.
 *
 * <p>Read from the {@link PlanMeasuresProjection}, by {@code _id} only (the one read the embedded store
 * answers from an index): the period's days, the cases reported on them, and the victims of those cases. The
 * cost follows the period asked, not the history recorded (ADR 0022).
 */
@Component
public class PlanMeasuresQueries {

    /** Ids per {@code $in} read, and documents per reply: the embedded server answers a read in one reply. */
    private static final int IDS_PER_READ = 500;
    private static final int READ_BATCH = 200;

    private static final Duration TWELVE_MONTHS = Duration.ofDays(365);

    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> days;
    private final MongoCollection<Document> victims;
    private final int threshold;

    public PlanMeasuresQueries(MongoDatabase database, @Value("${vjt.review.suppress-below:5}") int threshold) {
        this.cases = database.getCollection(PlanMeasuresProjection.CASES);
        this.days = database.getCollection(PlanMeasuresProjection.DAYS);
        this.victims = database.getCollection(PlanMeasuresProjection.VICTIMS);
        this.threshold = threshold;
    }

    @QueryHandler
    public PlanMeasuresView handle(FindPlanMeasuresQuery query) {
        long caseCount = 0;
        Map<String, Map<String, Long>> attrition = new TreeMap<>();
        Map<String, List<Double>> reportToOutcome = new TreeMap<>();
        Map<String, List<Double>> chargeToOutcome = new TreeMap<>();
        Set<String> victimsInPeriod = new HashSet<>();
        long rjOffered = 0;
        long rjTakenUp = 0;
        long victimsCharged = 0;
        long vpsOffered = 0;
        Map<String, List<Integer>> ratingsByStage = new HashMap<>();
        for (Document caseDocument : byIds(cases, casesReportedIn(query.from(), query.to()))) {
            Document first = PlanMeasuresProjection.firstFact(caseDocument);
            // As the timeline was: a case counts from when its report was recorded.
            if (first == null || !first.getString("type").equals("CrimeReported")
                || Instant.parse(first.getString("recordedAt")).isAfter(query.asOf())) {
                continue;
            }
            Instant reported = PlanMeasuresProjection.reportedAt(first);
            if (reported.isBefore(query.from()) || !reported.isBefore(query.to())) {
                continue;
            }
            List<CaseFact> facts = facts(caseDocument, query.asOf());
            caseCount++;
            Set<String> caseVictims = new HashSet<>();
            facts.stream().filter(f -> f.type().equals("VictimAdded")).forEach(f -> caseVictims.add(f.text("victimId")));
            victimsInPeriod.addAll(caseVictims);
            String offence = facts.stream().filter(f -> f.type().equals("CrimeRecorded") || f.type().equals("CrimeReclassified"))
                    .reduce((a, b) -> b).map(f -> f.text("offence")).orElse("not recorded");
            boolean convicted = has(facts, "HearingOutcomeRecorded", "outcome", "GUILTY_PLEA") || has(facts, "VerdictRecorded", "verdict", "GUILTY");
            String ending = ending(facts);
            if (!convicted && ending != null) {
                attrition.computeIfAbsent(offence, o -> new TreeMap<>()).merge(ending, 1L, Long::sum);
            }
            Instant outcome = facts.stream().filter(f -> (f.type().equals("HearingOutcomeRecorded") && "GUILTY_PLEA".equals(f.text("outcome")))
                    || f.type().equals("VerdictRecorded")).map(CaseFact::occurredAt).min(Instant::compareTo).orElse(null);
            Instant charged = facts.stream().filter(PlanMeasuresQueries::charge).map(CaseFact::occurredAt)
                    .min(Instant::compareTo).orElse(null);
            if (outcome != null) {
                boolean crown = has(facts, "HearingOutcomeRecorded", "outcome", "SENT_TO_CROWN_COURT")
                                || facts.stream().anyMatch(f -> f.type().equals("HearingListed") && f.text("court") != null
                                                                && f.text("court").contains("Crown"));
                String court = crown ? "Crown Court" : "magistrates' court";
                reportToOutcome.computeIfAbsent(court, c -> new ArrayList<>()).add(days(reported, outcome));
                if (charged != null) {
                    chargeToOutcome.computeIfAbsent(court, c -> new ArrayList<>()).add(days(charged, outcome));
                }
            }
            if (has(facts, "RestorativeJusticeStepRecorded", "step", "OFFERED")) {
                rjOffered++;
            }
            if (has(facts, "RestorativeJusticeStepRecorded", "step", "REQUESTED_BY_VICTIM|CONFERENCE_HELD|INDIRECT_COMMUNICATION_HELD")) {
                rjTakenUp++;
            }
            latestRatings(facts).forEach((stage, ratings) ->
                    ratingsByStage.computeIfAbsent(stage, s -> new ArrayList<>()).addAll(ratings));
            if (charged != null) {
                victimsCharged += caseVictims.size();
                vpsOffered += caseVictims.stream().filter(v -> facts.stream().anyMatch(f -> f.type().equals("VictimPersonalStatementRecorded")
                        && v.equals(f.text("victimId")))).count();
            }
        }
        long repeat = repeatVictims(victimsInPeriod, query.asOf());
        return new PlanMeasuresView(query.from(), query.to(), query.asOf(), caseCount, attrition, medians(reportToOutcome),
                medians(chargeToOutcome), victimsInPeriod.size(), repeat, rjOffered, rjTakenUp, victimsCharged, vpsOffered,
                satisfaction(ratingsByStage));
    }

    /** The cases reported on the London days the period touches (some just outside it), known or not. */
    private Set<String> casesReportedIn(Instant from, Instant to) {
        Document range = days.find(eq("_id", PlanMeasuresProjection.RANGE)).first();
        if (range == null || !from.isBefore(to)) {
            return Set.of();
        }
        LocalDate first = max(from.atZone(WorkingDayCalendar.LONDON).toLocalDate(), LocalDate.parse(range.getString("first")));
        LocalDate last = min(to.minusNanos(1).atZone(WorkingDayCalendar.LONDON).toLocalDate(), LocalDate.parse(range.getString("last")));
        List<String> dayIds = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            dayIds.add(day.toString());
        }
        Set<String> caseIds = new LinkedHashSet<>();
        for (Document day : byIds(days, dayIds)) {
            caseIds.addAll(day.getList("cases", String.class, List.of()));
        }
        return caseIds;
    }

    /**
     * Victims of the period's cases who, as known at the as-of date, were victims in more than one case
     * reported within 12 months of each other.
     */
    private long repeatVictims(Set<String> victimIds, Instant asOf) {
        long repeat = 0;
        for (Document victim : byIds(victims, victimIds)) {
            Map<String, Instant> reportedByCase = new HashMap<>();
            for (Document report : victim.getList("reports", Document.class, List.of())) {
                if (!Instant.parse(report.getString("knownAt")).isAfter(asOf)) {
                    reportedByCase.put(report.getString("caseId"), Instant.parse(report.getString("reportedAt")));
                }
            }
            if (repeated(reportedByCase.values())) {
                repeat++;
            }
        }
        return repeat;
    }

    /** Documents by {@code _id}, a few hundred ids per read. */
    private static Iterable<Document> byIds(MongoCollection<Document> collection, Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        return () -> new java.util.Iterator<>() {
            private int next;
            private java.util.Iterator<Document> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next < all.size()) {
                    List<String> chunk = all.subList(next, Math.min(next + IDS_PER_READ, all.size()));
                    next += chunk.size();
                    List<Document> read = new ArrayList<>(chunk.size());
                    collection.find(in("_id", chunk)).batchSize(READ_BATCH).forEach((Consumer<Document>) read::add);
                    current = read.iterator();
                }
                return current.hasNext();
            }

            @Override
            public Document next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The case's kept facts recorded by the as-of date, in the case's order, as the rule engine's facts. */
    private static List<CaseFact> facts(Document caseDocument, Instant asOf) {
        List<CaseFact> facts = new ArrayList<>();
        for (Document fact : caseDocument.getList("facts", Document.class)) {
            Instant recordedAt = Instant.parse(fact.getString("recordedAt"));
            if (!recordedAt.isAfter(asOf)) {
                String occurredAt = fact.getString("occurredAt");
                facts.add(new CaseFact(fact.get("sequence", Number.class).longValue(), fact.getString("type"),
                        occurredAt == null ? recordedAt : Instant.parse(occurredAt), recordedAt,
                        new HashMap<>(fact.get("fields", Document.class))));
            }
        }
        return facts;
    }

    private static boolean charge(CaseFact f) {
        return f.type().equals("SuspectCharged") || (f.type().equals("ChargingDecisionMade") && "CHARGE".equals(f.text("decision")));
    }

    /** Per stage, each victim's latest rating in this case: a victim who changes their mind counts once. */
    private static Map<String, List<Integer>> latestRatings(List<CaseFact> facts) {
        Map<String, Map<String, Integer>> byStage = new HashMap<>();
        facts.stream().filter(f -> f.type().equals("TreatmentRated"))
             .sorted(Comparator.comparingLong(CaseFact::sequence))
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

    private static boolean repeated(Collection<Instant> reports) {
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

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
