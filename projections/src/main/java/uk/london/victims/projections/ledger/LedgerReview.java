package uk.london.victims.projections.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.WorkingDayCalendar;
import uk.london.victims.projections.review.ComplianceReviewView;
import uk.london.victims.projections.review.FindComplianceReviewQuery;
import uk.london.victims.projections.review.ReviewDimension;
import uk.london.victims.projections.review.ReviewRow;

/** The review's rows from cells, whether summed from stored figures or counted from ledger records. */
final class LedgerReview {

    private LedgerReview() {
    }

    /** Counts obligations (judged at the query's as-of) into the cells the query needs. */
    static Map<CellKey, Cell> count(List<Counted> obligations, FindComplianceReviewQuery query) {
        return countInto(new LinkedHashMap<>(), obligations, query);
    }

    static Map<CellKey, Cell> countInto(Map<CellKey, Cell> cells, List<Counted> obligations, FindComplianceReviewQuery query) {
        List<ReviewDimension> dimensions = List.of(query.groupBy());
        List<List<ReviewDimension>> pairs = query.thenBy() == null ? List.of() : List.of(List.of(query.groupBy(), query.thenBy()));
        for (Counted c : obligations) {
            for (CellKey key : CellKey.of(c.groups(), dimensions, pairs)) {
                cells.computeIfAbsent(key, k -> new Cell()).add(c.obligation(), 1);
            }
        }
        return cells;
    }

    /** A case's obligations whose clocks started in the query's period (and place), as known and judged at its as-of. */
    static List<Counted> counted(String caseId, java.util.Collection<LedgerEntry> caseEntries, FindComplianceReviewQuery query) {
        List<LedgerEntry> entries = new ArrayList<>(caseEntries);
        entries.sort(java.util.Comparator.comparingInt(LedgerEntry::position));
        List<Counted> counted = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            java.util.Optional<LedgerRevision> revision = entry.revisionAt(query.asOf());
            if (revision.isEmpty()) {
                continue;
            }
            Obligation o = ObligationLedger.judged(revision.get().obligation(), query.asOf());
            Instant start = o.clockStart();
            Map<ReviewDimension, List<String>> groups = revision.get().groups();
            if (start == null || start.isBefore(query.from()) || !start.isBefore(query.to()) || !query.basis().counts(o.basis())
                || (query.bcu() != null && !CellKey.values(groups, ReviewDimension.BCU).contains(query.bcu()))
                || (query.borough() != null && !CellKey.values(groups, ReviewDimension.BOROUGH).contains(query.borough()))) {
                continue;
            }
            counted.add(new Counted(caseId, o, groups));
        }
        return counted;
    }

    /** One obligation with its group values, as counted. */
    record Counted(String caseId, Obligation obligation, Map<ReviewDimension, List<String>> groups) {
    }

    /**
     * The ids of the buckets changed after the query's as-of instant: their stored cells hold what was recorded
     * since, so what was known then must be counted again from their cases' ledgers. Every other bucket's cells are
     * exactly what was known then, as a bucket's latest recorded-at instant follows every change to it (an
     * obligation coming in, changing, or leaving for another day or BCU).
     */
    static Set<String> changedSince(List<BucketFigures> buckets, Instant asOf) {
        Set<String> changed = new LinkedHashSet<>();
        for (BucketFigures bucket : buckets) {
            if (bucket.lastRecordedAt != null && bucket.lastRecordedAt.isAfter(asOf)) {
                changed.add(bucket.id);
            }
        }
        return changed;
    }

    /**
     * The cells the query needs, summed over these buckets' figures, each pair's cells keyed as the query orders the
     * pair (as {@link #countInto} counts), whichever way round the figures store it.
     */
    static Map<CellKey, Cell> cellsOf(FindComplianceReviewQuery query, List<BucketFigures> buckets) {
        Map<CellKey, List<Cell>> parts = new LinkedHashMap<>();
        for (BucketFigures bucket : buckets) {
            bucket.cells.forEach((key, cell) -> {
                if (wanted(key, query)) {
                    CellKey ordered = key.thenBy() != null && key.by() == query.thenBy() && key.thenBy() == query.groupBy()
                            ? new CellKey(key.thenBy(), key.thenValue(), key.by(), key.value()) : key;
                    parts.computeIfAbsent(ordered, k -> new ArrayList<>()).add(cell);
                }
            });
        }
        // Summed all at once, not day by day into a growing total.
        Map<CellKey, Cell> cells = new LinkedHashMap<>();
        parts.forEach((key, theirs) -> cells.put(key, Cell.sum(theirs)));
        return cells;
    }

    /** The counted obligations (as known then) that belong to one of these buckets. */
    static List<Counted> inBuckets(List<Counted> counted, Set<String> bucketIds) {
        return counted.stream().filter(c -> bucketIds.contains(BucketFigures.id(
                c.obligation().clockStart().atZone(WorkingDayCalendar.LONDON).toLocalDate(),
                CellKey.values(c.groups(), ReviewDimension.BCU).get(0)))).toList();
    }

    private static boolean wanted(CellKey key, FindComplianceReviewQuery query) {
        if (key.by() == null) {
            return true;
        }
        if (key.thenBy() == null) {
            return key.by() == query.groupBy();
        }
        return query.thenBy() != null && ((key.by() == query.groupBy() && key.thenBy() == query.thenBy())
                                          || (key.by() == query.thenBy() && key.thenBy() == query.groupBy()));
    }

    static ComplianceReviewView view(FindComplianceReviewQuery query, Map<CellKey, Cell> cells) {
        Instant asOf = query.asOf();
        Map<String, ReviewRow> rows = new TreeMap<>();
        Map<String, Map<String, ReviewRow>> breakdown = new TreeMap<>();
        cells.forEach((key, cell) -> {
            if (!cell.counts(query.basis())) {
                return; // only obligations the review does not count (e.g. local standards in a review of the Code)
            }
            if (key.by() == query.groupBy() && key.thenBy() == null) {
                rows.put(key.value(), cell.row(key.value(), asOf, query.basis()));
            } else if (query.thenBy() != null && key.by() == query.groupBy() && key.thenBy() == query.thenBy()) {
                breakdown.computeIfAbsent(key.value(), v -> new TreeMap<>()).put(key.thenValue(), cell.row(key.thenValue(), asOf, query.basis()));
            } else if (query.thenBy() != null && key.by() == query.thenBy() && key.thenBy() == query.groupBy()) {
                breakdown.computeIfAbsent(key.thenValue(), v -> new TreeMap<>()).put(key.value(), cell.row(key.value(), asOf, query.basis()));
            }
        });
        Map<String, List<ReviewRow>> split = new LinkedHashMap<>();
        breakdown.forEach((group, byThen) -> split.put(group, new ArrayList<>(byThen.values())));
        ReviewRow total = cells.getOrDefault(CellKey.ALL, new Cell()).row("All", asOf, query.basis());
        return new ComplianceReviewView(query.from(), query.to(), asOf, query.groupBy(), new ArrayList<>(rows.values()), total,
                query.thenBy(), split, query.basis());
    }
}
