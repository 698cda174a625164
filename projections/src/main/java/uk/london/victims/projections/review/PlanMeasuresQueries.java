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
 * answers from an index): the period's days and their summaries of the cases reported on them (ADR 0052). A
 * case whose summary holds facts recorded after the as-of instant is read from its own facts, as is a victim of a
 * case with no summary. The cost follows the period asked, not the history recorded (ADR 0022); as known now, it
 * is a few documents per day.
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

    private final MongoCollection<Document> cases;
    private final MongoCollection<Document> days;
    private final MongoCollection<Document> victims;
    private final MongoCollection<Document> summaryDocuments;
    private final int threshold;

    public PlanMeasuresQueries(MongoDatabase database, @Value("${vjt.review.suppress-below:5}") int threshold) {
        this.cases = database.getCollection(PlanMeasuresProjection.CASES);
        this.days = database.getCollection(PlanMeasuresProjection.DAYS);
        this.victims = database.getCollection(PlanMeasuresProjection.VICTIMS);
        this.summaryDocuments = database.getCollection(PlanMeasuresProjection.SUMMARIES);
        this.threshold = threshold;
    }

    @QueryHandler
    public PlanMeasuresView handle(FindPlanMeasuresQuery query) {
        Instant asOf = query.asOf();
        Period period = period(query.from(), query.to());
        Totals totals = new Totals();
        List<String> toRead = new ArrayList<>();
        Set<String> unsummarised = new HashSet<>();
        for (String caseId : period.caseIds) {
            String summary = period.summaries.get(caseId);
            // A summary holds every fact of its case: it is the answer for any as-of instant after the last one.
            if (summary != null && !CaseMeasures.summaryKnown(summary).isAfter(asOf)) {
                totals.add(CaseMeasures.fromSummary(summary), CaseMeasures.summaryReported(summary), query);
            } else {
                toRead.add(caseId);
                if (summary == null) {
                    unsummarised.add(caseId);
                }
            }
        }
        // Victims of a summarised case have their repeat instants in its summary document, even when the summary
        // is newer than the question; those of a case with none are read from their own documents.
        Set<String> victimsToRead = new HashSet<>();
        for (Document caseDocument : byIds(cases, toRead)) {
            Document first = PlanMeasuresProjection.firstFact(caseDocument);
            // As the timeline was: a case counts from when its report was recorded.
            if (first != null && first.getString("type").equals("CrimeReported")
                && !IsoInstants.parse(first.getString("recordedAt")).isAfter(asOf)) {
                CaseMeasures measures = CaseMeasures.of(caseDocument.getList("facts", Document.class), asOf);
                if (totals.add(measures, PlanMeasuresProjection.occurredAt(first), query)
                    && unsummarised.contains(caseDocument.getString("_id"))) {
                    victimsToRead.addAll(measures.victims);
                }
            }
        }
        long repeat = 0;
        long asOfNanos = IsoInstants.toNanos(asOf);
        for (String victim : totals.victims) {
            Long since = period.repeatSince.get(victim);
            repeat += !victimsToRead.contains(victim) && since != null && since <= asOfNanos ? 1 : 0;
        }
        repeat += repeatVictims(victimsToRead, asOf);
        return new PlanMeasuresView(query.from(), query.to(), asOf, totals.cases, totals.attrition,
                medians(totals.reportToOutcome), medians(totals.chargeToOutcome), totals.victims.size(), repeat,
                totals.rjOffered, totals.rjTakenUp, totals.victimsCharged, totals.vpsOffered,
                satisfaction(totals.ratingsByStage));
    }

    /** The measures summed over the period's cases, one case at a time. */
    private static final class Totals {
        long cases;
        final Map<String, Map<String, Long>> attrition = new TreeMap<>();
        final Map<String, List<Double>> reportToOutcome = new TreeMap<>();
        final Map<String, List<Double>> chargeToOutcome = new TreeMap<>();
        final Set<String> victims = new HashSet<>();
        long rjOffered;
        long rjTakenUp;
        long victimsCharged;
        long vpsOffered;
        final Map<String, List<Integer>> ratingsByStage = new HashMap<>();

        /** Adds a case reported at that instant, if that is within the period; whether it was. */
        boolean add(CaseMeasures measures, Instant reported, FindPlanMeasuresQuery query) {
            if (reported.isBefore(query.from()) || !reported.isBefore(query.to())) {
                return false;
            }
            cases++;
            victims.addAll(measures.victims);
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
            return true;
        }
    }

    /**
     * The cases reported on the London days the period touches (some just outside it), known or not; the summaries
     * of those days, by case; and, for every victim of a summarised case, when they became a repeat victim if they
     * have. A case with no summary (a store written before summaries were kept) is read from its facts, and its
     * victims from their own documents.
     */
    private record Period(Set<String> caseIds, Map<String, String> summaries, Map<String, Long> repeatSince) {
    }

    private Period period(Instant from, Instant to) {
        Document range = days.find(eq("_id", PlanMeasuresProjection.RANGE)).first();
        if (range == null || !from.isBefore(to)) {
            return new Period(Set.of(), Map.of(), Map.of());
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
        // Only the summaries that hold the period's cases: a quiet day has fewer cases than buckets.
        Set<String> summaryIds = new LinkedHashSet<>();
        for (Document day : byIds(days, dayIds)) {
            String dayId = day.getString("_id");
            for (String caseId : day.getList("cases", String.class, List.of())) {
                caseIds.add(caseId);
                summaryIds.add(PlanMeasuresProjection.summaryId(dayId, caseId));
            }
        }
        Map<String, String> summaries = new HashMap<>();
        Map<String, Long> repeatSince = new HashMap<>();
        for (Document bucket : byIds(summaryDocuments, summaryIds)) {
            bucket.get("cases", new Document()).forEach((caseId, summary) -> summaries.put(caseId, (String) summary));
            bucket.get(RepeatVictims.FIELD, new Document()).forEach((victim, since) ->
                    repeatSince.merge(victim, ((Number) since).longValue(), Math::min));
        }
        return new Period(caseIds, summaries, repeatSince);
    }

    /**
     * Victims of the period's cases who, as known at the as-of date, were victims in more than one case
     * reported within 12 months of each other.
     */
    private long repeatVictims(Collection<String> victimIds, Instant asOf) {
        long repeat = 0;
        for (Document victim : byIds(victims, victimIds)) {
            Instant since = RepeatVictims.since(victim.getList("reports", Document.class, List.of()));
            repeat += since != null && !since.isAfter(asOf) ? 1 : 0;
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
