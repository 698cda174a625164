package uk.london.victims.projections.review;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
import uk.london.victims.domain.code.WorkingDayCalendar;
import uk.london.victims.projections.support.IsoInstants;

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

    /**
     * Ids per {@code $in} read. The embedded server's cost per read grows faster than its ids: 4,000 cases
     * read in about 100 ms at 50 ids a read, 0.4-0.8 s at 500, 1.5-2 s at 2,000 (memory backend, loaded machine).
     */
    private static final int IDS_PER_READ = 50;
    /** Documents per reply: the embedded server otherwise answers a read in one reply. */
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
                || IsoInstants.parse(first.getString("recordedAt")).isAfter(query.asOf())) {
                continue;
            }
            Instant reported = PlanMeasuresProjection.occurredAt(first);
            if (reported.isBefore(query.from()) || !reported.isBefore(query.to())) {
                continue;
            }
            CaseMeasures measures = CaseMeasures.of(caseDocument.getList("facts", Document.class), query.asOf());
            caseCount++;
            victimsInPeriod.addAll(measures.victims);
            if (!measures.convicted && measures.ending != null) {
                attrition.computeIfAbsent(measures.offence, o -> new TreeMap<>()).merge(measures.ending, 1L, Long::sum);
            }
            if (measures.outcome != null) {
                String court = measures.crown ? "Crown Court" : "magistrates' court";
                reportToOutcome.computeIfAbsent(court, c -> new ArrayList<>()).add(days(reported, measures.outcome));
                if (measures.charged != null) {
                    chargeToOutcome.computeIfAbsent(court, c -> new ArrayList<>()).add(days(measures.charged, measures.outcome));
                }
            }
            rjOffered += measures.rjOffered ? 1 : 0;
            rjTakenUp += measures.rjTakenUp ? 1 : 0;
            measures.ratings.forEach((stage, byVictim) ->
                    ratingsByStage.computeIfAbsent(stage, x -> new ArrayList<>()).addAll(byVictim.values()));
            if (measures.charged != null) {
                victimsCharged += measures.victims.size();
                vpsOffered += measures.victims.stream().filter(measures.statementVictims::contains).count();
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
        LocalDate stored = LocalDate.parse(range.getString("first"));
        LocalDate storedLast = LocalDate.parse(range.getString("last"));
        LocalDate first = max(londonDay(from, stored, storedLast), stored);
        LocalDate last = min(londonDay(to.equals(Instant.MIN) ? to : to.minusNanos(1), stored, storedLast), storedLast);
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
                if (!IsoInstants.parse(report.getString("knownAt")).isAfter(asOf)) {
                    reportedByCase.put(report.getString("caseId"), IsoInstants.parse(report.getString("reportedAt")));
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

    private static boolean repeated(Collection<Instant> reports) {
        List<Instant> sorted = reports.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (Duration.between(sorted.get(i - 1), sorted.get(i)).compareTo(TWELVE_MONTHS) <= 0) {
                return true;
            }
        }
        return false;
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

    /**
     * The London day of an instant, or a day just outside the stored ones for an instant beyond them: the API
     * accepts any instant, some of which (year -999999999) have no London date at all (found by the fuzzer).
     */
    private static LocalDate londonDay(Instant at, LocalDate firstStored, LocalDate lastStored) {
        if (at.isBefore(firstStored.atStartOfDay(WorkingDayCalendar.LONDON).toInstant())) {
            return firstStored.minusDays(1);
        }
        if (!at.isBefore(lastStored.plusDays(1).atStartOfDay(WorkingDayCalendar.LONDON).toInstant())) {
            return lastStored.plusDays(1);
        }
        return at.atZone(WorkingDayCalendar.LONDON).toLocalDate();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
