package uk.london.victims.projections.review;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationEvaluator;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.domain.geography.Borough;
import uk.london.victims.projections.obligations.ObligationQueries;
import uk.london.victims.projections.timeline.CaseTimelineProjection;

/**
 * The Commissioner's figures, computed from the same obligations a case shows, so any figure can be
 * traced to the obligations and events behind it. Case attributes (borough, offence, priority flags)
 * and the victim's self-declared equality data are taken as they were recorded by the as-of date,
 * so the review for a date can be reproduced later.
 */
@Component
public class ComplianceReviewQueries {

    private static final int SCAN_BATCH = 200;

    private static final String UNKNOWN = "not recorded";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final MongoCollection<Document> timelines;
    private final ObligationEvaluator evaluator;

    public ComplianceReviewQueries(MongoDatabase database, ObligationEvaluator evaluator) {
        this.timelines = database.getCollection(CaseTimelineProjection.COLLECTION);
        this.evaluator = evaluator;
    }

    /** One obligation with the attributes of its case and victim as known at the as-of date. */
    record Counted(String caseId, Obligation obligation, Map<ReviewDimension, List<String>> groups) {
    }

    /** The obligations behind one figure of the review, each with its case, for the drill-down. */
    @QueryHandler
    public List<ReviewedObligationView> handle(FindReviewedObligationsQuery query) {
        List<ReviewedObligationView> behind = new ArrayList<>();
        for (Counted c : counted(query.review())) {
            if (c.groups().getOrDefault(query.review().groupBy(), List.of(UNKNOWN)).contains(query.group())) {
                behind.add(new ReviewedObligationView(c.caseId(), c.obligation()));
            }
        }
        return behind;
    }

    @QueryHandler
    public ComplianceReviewView handle(FindComplianceReviewQuery query) {
        List<Counted> counted = counted(query);
        Map<String, List<Obligation>> byGroup = new TreeMap<>();
        for (Counted c : counted) {
            for (String group : c.groups().getOrDefault(query.groupBy(), List.of(UNKNOWN))) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(c.obligation());
            }
        }
        List<ReviewRow> rows = byGroup.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList();
        return new ComplianceReviewView(query.from(), query.to(), query.asOf(), query.groupBy(), rows,
                row("All", counted.stream().map(Counted::obligation).toList()), query.basis());
    }

    private List<Counted> counted(FindComplianceReviewQuery query) {
        List<Counted> counted = new ArrayList<>();
        // In batches: the embedded server otherwise answers a scan in one reply, which past the driver's
        // 48 MB message limit (about 16,000 cases) fails the whole query.
        for (Document timeline : timelines.find().batchSize(SCAN_BATCH)) {
            List<CaseFact> facts = ObligationQueries.facts(timeline).stream()
                    .filter(f -> !f.recordedAt().isAfter(query.asOf())).toList();
            CaseAttributes attributes = CaseAttributes.of(facts);
            for (Obligation obligation : evaluator.evaluate(facts, query.asOf())) {
                Instant start = obligation.clockStart();
                if (start == null || start.isBefore(query.from()) || !start.isBefore(query.to())
                    || !query.basis().counts(obligation.basis())) {
                    continue;
                }
                counted.add(new Counted(timeline.getString("_id"), obligation, attributes.groups(obligation)));
            }
        }
        return counted;
    }

    static ReviewRow row(String group, List<Obligation> obligations) {
        long onTime = count(obligations, ObligationStatus.MET_ON_TIME);
        long late = count(obligations, ObligationStatus.MET_LATE);
        // A local service standard missed is not a breach of the Code: it has its own count.
        long overdue = obligations.stream().filter(Obligation::codeBreach).count();
        long missedLocal = count(obligations, ObligationStatus.OVERDUE) - overdue;
        Map<String, Long> waivedBy = new TreeMap<>();
        obligations.stream().filter(o -> o.status() == ObligationStatus.WAIVED)
                   .forEach(o -> waivedBy.merge(o.waivedFor().name(), 1L, Long::sum));
        List<Duration> times = obligations.stream().map(Obligation::timeToMeet).filter(java.util.Objects::nonNull)
                                          .sorted().toList();
        long due = onTime + late + overdue + missedLocal;
        return new ReviewRow(group, obligations.size(), onTime, late, overdue, count(obligations, ObligationStatus.OPEN),
                count(obligations, ObligationStatus.AWAITING_CLOCK), count(obligations, ObligationStatus.WAIVED), waivedBy,
                percentile(times, 50), percentile(times, 95), due == 0 ? null : (double) onTime / due,
                count(obligations, ObligationStatus.AWAITING_CONSENT), missedLocal);
    }

    private static long count(List<Obligation> obligations, ObligationStatus status) {
        return obligations.stream().filter(o -> o.status() == status).count();
    }

    /** Nearest-rank percentile: a value that was actually observed, as a published figure should be. */
    static Duration percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** What the case's events said about the case and its victims, as of the review date. */
    private record CaseAttributes(String borough, String bcu, String offence, List<String> flags,
                                  Map<String, Map<String, String>> equality) {

        static CaseAttributes of(List<CaseFact> facts) {
            String borough = null;
            String offence = null;
            List<String> flags = List.of();
            Map<String, Map<String, String>> equality = new TreeMap<>();
            for (CaseFact fact : facts.stream().sorted(Comparator.comparingLong(CaseFact::sequence)).toList()) {
                switch (fact.type()) {
                    case "CrimeRecorded" -> {
                        borough = fact.text("borough");
                        offence = fact.text("offence");
                        flags = fact.list("priorityFlags").stream().map(Object::toString).toList();
                    }
                    case "CrimeReclassified" -> {
                        offence = fact.text("offence");
                        flags = fact.list("priorityFlags").stream().map(Object::toString).toList();
                    }
                    case "EqualityDataRecorded" -> equality.put(fact.text("victimId"), Map.of(
                            "ageBand", orUnknown(fact.text("ageBand")), "sex", orUnknown(fact.text("sex")),
                            "ethnicGroup", orUnknown(fact.text("ethnicGroup")), "disability", orUnknown(fact.text("disability"))));
                    default -> {
                    }
                }
            }
            String bcu = borough == null ? null : Borough.valueOf(borough).bcu().displayName();
            return new CaseAttributes(borough, bcu, offence, flags, equality);
        }

        Map<ReviewDimension, List<String>> groups(Obligation o) {
            Map<String, String> victim = o.victimId() == null ? Map.of() : equality.getOrDefault(o.victimId(), Map.of());
            Function<String, List<String>> one = value -> List.of(orUnknown(value));
            Map<ReviewDimension, List<String>> groups = new java.util.EnumMap<>(ReviewDimension.class);
            groups.put(ReviewDimension.RIGHT, one.apply(o.right()));
            groups.put(ReviewDimension.RULE, one.apply(o.ruleId()));
            groups.put(ReviewDimension.AGENCY, one.apply(o.owner().name()));
            groups.put(ReviewDimension.BOROUGH, one.apply(borough));
            groups.put(ReviewDimension.BCU, one.apply(bcu));
            groups.put(ReviewDimension.OFFENCE, one.apply(offence));
            groups.put(ReviewDimension.PRIORITY_FLAG, flags.isEmpty() ? List.of("none") : flags);
            groups.put(ReviewDimension.RIGHTS_LEVEL, List.of(o.victimId() == null ? "agency to agency"
                    : o.enhanced() ? "enhanced" : "standard"));
            groups.put(ReviewDimension.AGE_BAND, one.apply(victim.get("ageBand")));
            groups.put(ReviewDimension.SEX, one.apply(victim.get("sex")));
            groups.put(ReviewDimension.ETHNIC_GROUP, one.apply(victim.get("ethnicGroup")));
            groups.put(ReviewDimension.DISABILITY, one.apply(victim.get("disability")));
            groups.put(ReviewDimension.EDITION, one.apply(o.edition()));
            // Clocks start at London times: a report at 00:30 BST on 1 April belongs to April, not March.
            groups.put(ReviewDimension.MONTH, List.of(YearMonth.from(o.clockStart().atZone(LONDON)).toString()));
            groups.put(ReviewDimension.BASIS, List.of(o.basis().name()));
            return groups;
        }

        private static String orUnknown(String value) {
            return value == null ? UNKNOWN : value;
        }
    }
}
