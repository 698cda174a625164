package uk.london.victims.projections.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationEvaluator;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.projections.review.CaseAttributes;
import uk.london.victims.projections.review.ComplianceReviewView;
import uk.london.victims.projections.review.FindComplianceReviewQuery;
import uk.london.victims.projections.review.ReviewDimension;
import uk.london.victims.projections.review.ReviewRow;

/**
 * The test oracle: the review as the service computed it before the ledger, every case's obligations
 * re-derived from all its facts on each question (formerly {@code ComplianceReviewQueries}), with one
 * change: times to meet are truncated to whole minutes, the ledger's published resolution.
 */
final class FullScanReview {

    private static final String UNKNOWN = CaseAttributes.UNKNOWN;

    private final ObligationEvaluator evaluator;

    FullScanReview(ObligationEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    record Counted(String caseId, Obligation obligation, Map<ReviewDimension, List<String>> groups) {
    }

    List<Counted> counted(Map<String, List<CaseFact>> cases, FindComplianceReviewQuery query) {
        List<Counted> counted = new ArrayList<>();
        cases.forEach((caseId, all) -> {
            List<CaseFact> facts = all.stream().filter(f -> !f.recordedAt().isAfter(query.asOf())).toList();
            CaseAttributes attributes = CaseAttributes.of(facts);
            for (Obligation obligation : evaluator.evaluate(facts, query.asOf())) {
                Instant start = obligation.clockStart();
                if (start == null || start.isBefore(query.from()) || !start.isBefore(query.to())
                    || !query.basis().counts(obligation.basis())) {
                    continue;
                }
                Map<ReviewDimension, List<String>> groups = attributes.groups(obligation);
                if ((query.bcu() != null && !groups.get(ReviewDimension.BCU).contains(query.bcu()))
                    || (query.borough() != null && !groups.get(ReviewDimension.BOROUGH).contains(query.borough()))) {
                    continue;
                }
                counted.add(new Counted(caseId, obligation, groups));
            }
        });
        return counted;
    }

    ComplianceReviewView review(Map<String, List<CaseFact>> cases, FindComplianceReviewQuery query) {
        List<Counted> counted = counted(cases, query);
        Map<String, List<Obligation>> byGroup = new TreeMap<>();
        Map<String, Map<String, List<Obligation>>> byPair = new TreeMap<>();
        for (Counted c : counted) {
            for (String group : c.groups().getOrDefault(query.groupBy(), List.of(UNKNOWN))) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(c.obligation());
                if (query.thenBy() != null) {
                    for (String then : c.groups().getOrDefault(query.thenBy(), List.of(UNKNOWN))) {
                        byPair.computeIfAbsent(group, g -> new TreeMap<>()).computeIfAbsent(then, t -> new ArrayList<>())
                              .add(c.obligation());
                    }
                }
            }
        }
        List<ReviewRow> rows = byGroup.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList();
        Map<String, List<ReviewRow>> breakdown = new TreeMap<>();
        byPair.forEach((group, byThen) -> breakdown.put(group,
                byThen.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList()));
        return new ComplianceReviewView(query.from(), query.to(), query.asOf(), query.groupBy(), rows,
                row("All", counted.stream().map(Counted::obligation).toList()), query.thenBy(), breakdown, query.basis());
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
        List<Duration> times = obligations.stream().map(Obligation::timeToMeet).filter(Objects::nonNull)
                                          .map(t -> Duration.ofMinutes(t.toMinutes())).sorted().toList();
        long due = onTime + late + overdue + missedLocal;
        return new ReviewRow(group, obligations.size(), onTime, late, overdue, count(obligations, ObligationStatus.OPEN),
                count(obligations, ObligationStatus.AWAITING_CLOCK), count(obligations, ObligationStatus.WAIVED), waivedBy,
                percentile(times, 50), percentile(times, 95), due == 0 ? null : (double) onTime / due,
                count(obligations, ObligationStatus.AWAITING_CONSENT), missedLocal);
    }

    private static long count(List<Obligation> obligations, ObligationStatus status) {
        return obligations.stream().filter(o -> o.status() == status).count();
    }

    static Duration percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
