package uk.london.victims.projections.ledger;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;

import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationEvaluator;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.domain.code.WorkingDayCalendar;
import uk.london.victims.domain.geography.BasicCommandUnit;
import uk.london.victims.domain.geography.Borough;
import uk.london.victims.projections.casesummary.WorkItemCases;
import uk.london.victims.projections.obligations.CaseObligationsView;
import uk.london.victims.projections.obligations.FindCaseObligationsQuery;
import uk.london.victims.projections.obligations.FindWorkListQuery;
import uk.london.victims.projections.obligations.WorkItemView;
import uk.london.victims.projections.review.CaseAttributes;
import uk.london.victims.projections.review.ComplianceReviewView;
import uk.london.victims.projections.review.FindComplianceReviewQuery;
import uk.london.victims.projections.review.FindReviewedObligationsQuery;
import uk.london.victims.projections.review.ReviewDimension;
import uk.london.victims.projections.review.ReviewedObligationView;
import uk.london.victims.projections.support.ByIds;

/**
 * A case's obligations, the work lists and the Commissioner's review, from the obligation ledger: every
 * read is by {@code _id}. The review as known now sums the stored figures of the period's days; a review as
 * known on an earlier date (or for a period that does not start and end at London midnights, a borough, or
 * a pair of dimensions not stored) counts the ledger records of the cases the period's days list, judged
 * at that date: exact either way, the second bounded by the period rather than by all history.
 */
@Component
public class LedgerQueries {

    private static final int READ_BATCH = 500;
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");
    private static final String UNKNOWN = CaseAttributes.UNKNOWN;

    private final MongoCollection<Document> ledger;
    private final MongoCollection<Document> figures;
    private final MongoCollection<Document> history;
    private final ObligationEvaluator evaluator;
    private final LedgerSettings settings;
    private final OpenLists openLists;
    private final WorkItemCases workItemCases;

    @Autowired
    public LedgerQueries(MongoDatabase database, ObligationEvaluator evaluator, LedgerSettings settings) {
        this(database, evaluator, settings, OpenLists.KEPT_PER_LIST);
    }

    /** @param keptPerList how many of a work list's leading items are kept in memory (tests make it small) */
    LedgerQueries(MongoDatabase database, ObligationEvaluator evaluator, LedgerSettings settings, int keptPerList) {
        this.ledger = database.getCollection(ObligationLedgerProjection.LEDGER);
        this.figures = database.getCollection(ObligationLedgerProjection.FIGURES);
        this.history = database.getCollection(ObligationLedgerProjection.HISTORY);
        this.evaluator = evaluator;
        this.settings = settings;
        this.openLists = new OpenLists(database, keptPerList);
        this.workItemCases = new WorkItemCases(database);
    }

    @QueryHandler
    Optional<CaseObligationsView> handle(FindCaseObligationsQuery query) {
        Document document = ledger.find(eq("_id", query.caseId())).first();
        return Optional.ofNullable(document).map(d -> new CaseObligationsView(query.caseId(), query.asOf(),
                ObligationLedger.asOf(LedgerDocuments.entries(d).values(), query.asOf()), d.get("version", Number.class).longValue()));
    }

    /**
     * The agency's outstanding items, the earliest deadlines first, at most the query's limit: from its open lists
     * (one per BCU), each in deadline order, read a page at a time until the limit is reached, so an answer costs
     * what it lists, not the unit's whole backlog; a list's leading items come from memory while it is unchanged
     * ({@link OpenLists}). Each item carries its current description, judged at the as-of instant; only an item
     * changed after that instant is read from its case's ledger. The lists hold what is outstanding now: an earlier
     * as-of judges those same items then.
     */
    @QueryHandler
    List<WorkItemView> handle(FindWorkListQuery query) {
        int limit = Math.max(0, query.limit());
        List<String> lists = (query.bcu() == null ? bcuNames() : List.of(query.bcu())).stream()
                .map(bcu -> ObligationLedgerProjection.openListId(query.agency().name(), bcu)).toList();
        Map<String, Object> stamps = openLists.stamps(lists);
        List<Map.Entry<String, Obligation>> outstanding = new ArrayList<>();
        for (String list : lists) {
            // Every item is outstanding now, so the first page of the limit's size answers, unless items changed
            // since an earlier as-of instant drop out: then each further page is twice the last.
            int found = 0;
            int from = 0;
            String afterId = null;
            int page = Math.max(1, Math.min(limit, READ_BATCH));
            while (found < limit) {
                List<OpenLists.Item> items = openLists.page(list, stamps.get(list), from, afterId, page);
                List<Map.Entry<String, Obligation>> listed = outstanding(query, items);
                outstanding.addAll(listed);
                found += listed.size();
                if (items.size() < page) {
                    break;
                }
                from += items.size();
                afterId = items.get(items.size() - 1).id();
                page = Math.min(page * 2, READ_BATCH);
            }
        }
        // Stable: items due at the same instant keep the order they were read in.
        outstanding.sort(Comparator.comparing((Map.Entry<String, Obligation> item) -> item.getValue().deadline(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        List<Map.Entry<String, Obligation>> listed = outstanding.size() > limit ? outstanding.subList(0, limit) : outstanding;
        // The cases' details only for the items listed, in one read.
        Set<String> caseIds = new LinkedHashSet<>();
        listed.forEach(item -> caseIds.add(item.getKey()));
        Map<String, Document> summaryById = workItemCases.of(caseIds);
        List<WorkItemView> items = new ArrayList<>(listed.size());
        for (Map.Entry<String, Obligation> item : listed) {
            Document summary = summaryById.getOrDefault(item.getKey(), new Document());
            items.add(new WorkItemView(item.getKey(), summary.getString("crimeReference"), summary.getString("bcu"),
                    summary.getString("officerId"), summary.getList("units", String.class, List.of()), urgency(item.getValue(), query),
                    item.getValue()));
        }
        return items;
    }

    /** The agency's outstanding obligations among some items of a work list, by case, as known at the as-of instant. */
    private List<Map.Entry<String, Obligation>> outstanding(FindWorkListQuery query, List<OpenLists.Item> items) {
        Map<String, List<Obligation>> current = new LinkedHashMap<>();
        Map<String, Set<String>> changedSince = new LinkedHashMap<>();
        for (OpenLists.Item item : items) {
            if (item.recordedAt().isAfter(query.asOf())) {
                changedSince.computeIfAbsent(item.caseId(), c -> new LinkedHashSet<>()).add(item.key());
            } else {
                current.computeIfAbsent(item.caseId(), c -> new ArrayList<>()).add(ObligationLedger.judged(item.obligation(), query.asOf()));
            }
        }
        List<String> fromLedger = new ArrayList<>(changedSince.keySet());
        for (int i = 0; i < fromLedger.size(); i += READ_BATCH) {
            Set<String> chunk = new LinkedHashSet<>(fromLedger.subList(i, Math.min(fromLedger.size(), i + READ_BATCH)));
            for (Map.Entry<String, Document> c : ByIds.read(ledger, chunk, null).entrySet()) {
                Map<String, LedgerEntry> entries = LedgerDocuments.entries(c.getValue());
                for (String key : changedSince.get(c.getKey())) {
                    Optional.ofNullable(entries.get(key)).flatMap(e -> e.obligationAt(query.asOf()))
                            .ifPresent(o -> current.computeIfAbsent(c.getKey(), x -> new ArrayList<>()).add(o));
                }
            }
        }
        List<Map.Entry<String, Obligation>> outstanding = new ArrayList<>();
        current.forEach((caseId, obligations) -> obligations.stream()
                .filter(o -> o.owner() == query.agency() && ObligationLedgerProjection.OUTSTANDING.contains(o.status()))
                .forEach(o -> outstanding.add(Map.entry(caseId, o))));
        return outstanding;
    }

    private String urgency(Obligation obligation, FindWorkListQuery query) {
        if (obligation.status() == ObligationStatus.AWAITING_CLOCK) {
            return "AWAITING_CLOCK";
        }
        if (obligation.status() == ObligationStatus.AWAITING_CONSENT) {
            return "AWAITING_CONSENT";
        }
        if (obligation.status() == ObligationStatus.OVERDUE) {
            return "OVERDUE";
        }
        LocalDate today = query.asOf().atZone(WorkingDayCalendar.LONDON).toLocalDate();
        LocalDate due = obligation.deadline().atZone(WorkingDayCalendar.LONDON).toLocalDate();
        if (!due.isAfter(today)) {
            return "DUE_TODAY";
        }
        int workingDaysLeft = evaluator.calendar().workingDaysBetween(query.asOf(), obligation.deadline());
        return workingDaysLeft <= query.dueSoonWorkingDays() ? "DUE_SOON" : "LATER";
    }

    @QueryHandler
    public ComplianceReviewView handle(FindComplianceReviewQuery query) {
        if (query.borough() != null || !settings.stored(query.groupBy(), query.thenBy())) {
            List<Document> buckets = buckets(query, Projections.include("members"));
            // Counted a chunk of cases at a time: a year's cases need not be in memory together.
            Map<CellKey, Cell> cells = new LinkedHashMap<>();
            forEachCounted(query, buckets, chunk -> LedgerReview.countInto(cells, chunk, query));
            return LedgerReview.view(query, cells);
        }
        // The figures hold whole London days. A period cut part way through a day (from a UTC midnight in summer,
        // say, as API callers send) takes its whole days from them and counts the one or two days cut from their
        // cases' ledgers, with the obligations outside the period left out.
        LocalDate firstWhole = londonMidnight(query.from()) ? londonDay(query.from()) : londonDay(query.from()).plusDays(1);
        LocalDate endOfWhole = londonDay(query.to());
        Map<CellKey, Cell> cells = firstWhole.isBefore(endOfWhole)
                ? fromFigures(new FindComplianceReviewQuery(firstWhole.atStartOfDay(WorkingDayCalendar.LONDON).toInstant(),
                        endOfWhole.atStartOfDay(WorkingDayCalendar.LONDON).toInstant(), query.asOf(), query.groupBy(), query.thenBy(),
                        query.bcu(), null, query.asKnownNow(), query.basis()))
                : new LinkedHashMap<>();
        java.util.SortedSet<LocalDate> cut = new java.util.TreeSet<>();
        if (!londonMidnight(query.from())) {
            cut.add(londonDay(query.from()));
        }
        if (!londonMidnight(query.to())) {
            cut.add(londonDay(query.to()));
        }
        if (!cut.isEmpty()) {
            List<Document> buckets = new ArrayList<>();
            cut.forEach(day -> buckets.addAll(buckets(query, day, day, Projections.include("members"))));
            Set<String> cutIds = new LinkedHashSet<>();
            buckets.forEach(b -> cutIds.add(b.getString("_id")));
            forEachCounted(query, buckets, chunk -> LedgerReview.countInto(cells, LedgerReview.inBuckets(chunk, cutIds), query));
        }
        return LedgerReview.view(query, cells);
    }

    /** The cells of a period of whole London days, from the stored figures (and, for a past date, their history). */
    private Map<CellKey, Cell> fromFigures(FindComplianceReviewQuery query) {
        // Only the cells the review shows: the total, the dimension, and the pair if any.
        List<String> groups = new ArrayList<>(List.of(CellKey.ALL_CELLS, CellKey.group(query.groupBy(), null)));
        if (query.thenBy() != null) {
            groups.add(CellKey.group(query.groupBy(), query.thenBy()));
            groups.add(CellKey.group(query.thenBy(), query.groupBy()));
        }
        List<String> cellFields = groups.stream().map(group -> "cells." + group).toList();
        List<String> fields = new ArrayList<>(cellFields);
        fields.add("lastRecordedNanos");
        if (!query.asKnownNow()) {
            fields.addAll(List.of("members", "historyFromNanos"));
        }
        List<BucketFigures> stored = buckets(query, Projections.include(fields)).stream().map(BucketFigures::fromDocument).toList();
        Set<String> changed = query.asKnownNow() ? Set.of() : LedgerReview.changedSince(stored, query.asOf());
        if (changed.isEmpty()) {
            return LedgerReview.cellsOf(query, stored);
        }
        return pastFromHistory(query, stored, changed, cellFields);
    }

    /**
     * The review as known at a past instant (ADR 0042): a day changed since is its stored figures less its history
     * recorded after that instant, read after the figures; one whose history cannot say exactly is counted from its
     * cases' ledgers. The days unchanged since are their stored figures.
     */
    private Map<CellKey, Cell> pastFromHistory(FindComplianceReviewQuery query, List<BucketFigures> stored, Set<String> changed,
                                                 List<String> cellFields) {
        Set<String> bcus = new java.util.TreeSet<>();
        changed.forEach(bucket -> bcus.add(bucket.substring(bucket.indexOf('|') + 1)));
        List<String> historyFields = new ArrayList<>(cellFields);
        historyFields.addAll(List.of("members", "firstRecordedNanos", "lastRecordedNanos"));
        Map<String, List<BucketFigures>> historyOf = new HashMap<>();
        for (String bcu : bcus) {
            for (Bson range : FigureHistory.after(bcu, query.asOf())) {
                for (Document document : history.find(range).projection(Projections.include(historyFields)).batchSize(READ_BATCH)) {
                    BucketFigures h = BucketFigures.fromDocument(document);
                    if (changed.contains(h.bucket)) {
                        historyOf.computeIfAbsent(h.bucket, b -> new ArrayList<>()).add(h);
                    }
                }
            }
        }
        List<BucketFigures> known = new ArrayList<>();
        Set<String> toCount = new LinkedHashSet<>();
        java.util.SortedSet<String> theirCases = new java.util.TreeSet<>();
        for (BucketFigures bucket : stored) {
            if (!changed.contains(bucket.id)) {
                known.add(bucket);
                continue;
            }
            FigureHistory.asKnownAt(bucket, historyOf.getOrDefault(bucket.id, List.of()), query.asOf()).ifPresentOrElse(known::add, () -> {
                toCount.add(bucket.id);
                theirCases.addAll(bucket.members.keySet());
            });
        }
        Map<CellKey, Cell> cells = LedgerReview.cellsOf(query, known);
        if (!toCount.isEmpty()) {
            forEachCounted(query, theirCases, chunk -> LedgerReview.countInto(cells, LedgerReview.inBuckets(chunk, toCount), query));
        }
        return cells;
    }

    /** The obligations behind one group's figures (or one cell of a two-way review), each with its case and where it is. */
    @QueryHandler
    public List<ReviewedObligationView> handle(FindReviewedObligationsQuery query) {
        List<ReviewedObligationView> behind = new ArrayList<>();
        forEachCounted(query.review(), buckets(query.review(), Projections.include("members")), chunk -> chunk.stream()
                .filter(c -> CellKey.values(c.groups(), query.review().groupBy()).contains(query.group()))
                .filter(c -> query.thenGroup() == null || query.review().thenBy() == null
                             || CellKey.values(c.groups(), query.review().thenBy()).contains(query.thenGroup()))
                .forEach(c -> behind.add(new ReviewedObligationView(c.caseId(), c.obligation(),
                        CellKey.values(c.groups(), ReviewDimension.BOROUGH).get(0), CellKey.values(c.groups(), ReviewDimension.BCU).get(0)))));
        return behind;
    }

    /**
     * The obligations whose clocks started in the period, as known and judged at the as-of instant, from the
     * ledger documents of the cases the period's figures list, a chunk of cases at a time in case id order.
     */
    private void forEachCounted(FindComplianceReviewQuery query, List<Document> buckets,
                                java.util.function.Consumer<List<LedgerReview.Counted>> chunks) {
        java.util.SortedSet<String> caseIds = new java.util.TreeSet<>();
        Map<String, Long> members = new HashMap<>();
        for (Document bucket : buckets) {
            FigureMembers.readInto(bucket.get("members"), members);
        }
        caseIds.addAll(members.keySet());
        forEachCounted(query, caseIds, chunks);
    }

    /** As above, for these cases (in case id order). */
    private void forEachCounted(FindComplianceReviewQuery query, java.util.SortedSet<String> caseIds,
                                java.util.function.Consumer<List<LedgerReview.Counted>> chunks) {
        List<String> all = new ArrayList<>(caseIds);
        for (int i = 0; i < all.size(); i += READ_BATCH) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + READ_BATCH));
            Map<String, Document> documents = ByIds.read(ledger, chunk, null);
            List<LedgerReview.Counted> counted = new ArrayList<>();
            for (String caseId : chunk) {
                Document document = documents.get(caseId);
                if (document != null) {
                    counted.addAll(LedgerReview.counted(caseId, LedgerDocuments.entries(document).values(), query));
                }
            }
            chunks.accept(counted);
        }
    }

    /** The figures of the period's London days, in the BCU asked (or the borough's), or in every BCU. */
    private List<Document> buckets(FindComplianceReviewQuery query, org.bson.conversions.Bson projection) {
        return buckets(query, londonDay(query.from()), londonDay(query.to().minusNanos(1)), projection);
    }

    /** The figures of these London days, in the query's BCU (or its borough's), or in every BCU. */
    private List<Document> buckets(FindComplianceReviewQuery query, LocalDate from, LocalDate to, org.bson.conversions.Bson projection) {
        List<String> bcus = query.borough() != null ? List.of(boroughBcu(query.borough()))
                : query.bcu() != null ? List.of(query.bcu()) : bcuNames();
        List<String> ids = new ArrayList<>();
        Document extent = figures.find(eq("_id", ObligationLedgerProjection.EXTENT)).first();
        if (extent == null) {
            return List.of();
        }
        // Only the days some clock started on: a period of centuries lists no more documents than the data has days.
        LocalDate first = max(from, LocalDate.parse(extent.getString("firstDay")));
        LocalDate last = min(to, LocalDate.parse(extent.getString("lastDay")));
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (String bcu : bcus) {
                ids.add(BucketFigures.id(day, bcu));
            }
        }
        List<Document> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += READ_BATCH) {
            var find = figures.find(in("_id", ids.subList(i, Math.min(ids.size(), i + READ_BATCH))));
            (projection == null ? find : find.projection(projection)).forEach(found::add);
        }
        return found;
    }

    /** The London day of an instant; instants beyond any date (years past 999,999,999) are taken as the limits. */
    private static LocalDate londonDay(Instant instant) {
        Instant bounded = instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
        return bounded.atZone(WorkingDayCalendar.LONDON).toLocalDate();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static String boroughBcu(String borough) {
        try {
            return Borough.valueOf(borough).bcu().displayName();
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    private static List<String> bcuNames() {
        List<String> names = new ArrayList<>();
        for (BasicCommandUnit bcu : BasicCommandUnit.values()) {
            names.add(bcu.displayName());
        }
        names.add(UNKNOWN);
        return names;
    }

    private static boolean londonMidnight(Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            return false;
        }
        ZonedDateTime london = instant.atZone(WorkingDayCalendar.LONDON);
        return london.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    }
}
