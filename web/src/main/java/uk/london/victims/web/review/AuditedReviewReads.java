package uk.london.victims.web.review;

import java.util.List;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.application.audit.AuditLog;
import uk.london.victims.projections.review.FindComplianceReviewQuery;
import uk.london.victims.projections.review.FindReviewedObligationsQuery;
import uk.london.victims.projections.review.ReviewedObligationView;
import uk.london.victims.projections.timeline.CaseTimelineView;
import uk.london.victims.projections.timeline.FindCaseTimelineQuery;
import uk.london.victims.web.security.StaffMember;

/**
 * The Commissioner's reads below the aggregate figures, for the JSON API and the pages alike, so neither
 * can forget the audit: each is written to the audit log before anything is read, and nothing is read
 * without a signed-in member of staff to write down.
 */
@Component
public class AuditedReviewReads {

    static final String PURPOSE = "Victims' Code compliance review";

    private final QueryGateway queries;
    private final AuditLog audit;

    public AuditedReviewReads(QueryGateway queries, AuditLog audit) {
        this.queries = queries;
        this.audit = audit;
    }

    /** The obligations behind one group's figures. */
    public Mono<List<ReviewedObligationView>> obligationsBehind(FindComplianceReviewQuery review, String group) {
        return obligationsBehind(review, group, null);
    }

    /** The obligations behind one group's figures, or with {@code thenGroup} one cell of a two-way review. */
    public Mono<List<ReviewedObligationView>> obligationsBehind(FindComplianceReviewQuery review, String group, String thenGroup) {
        String cell = thenGroup == null || review.thenBy() == null ? "" : "/" + review.thenBy().name() + "/" + thenGroup;
        return audited("review-drill-down", "review/" + review.groupBy().name() + "/" + group + cell + "/" + review.from() + "/" + review.to())
                .then(Mono.fromFuture(() -> queries.query(new FindReviewedObligationsQuery(review, group, thenGroup),
                        ResponseTypes.multipleInstancesOf(ReviewedObligationView.class))));
    }

    /** One case's history without names or contact details, as the Commissioner always sees it. */
    public Mono<Optional<CaseTimelineView>> caseHistoryWithoutNames(String caseId) {
        return audited("read-timeline", "case/" + caseId)
                .then(Mono.fromFuture(() -> queries.query(new FindCaseTimelineQuery(caseId, false),
                        ResponseTypes.optionalInstanceOf(CaseTimelineView.class))));
    }

    private Mono<Void> audited(String action, String subject) {
        return StaffMember.current()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("An audited read needs a signed-in member of staff")))
                .flatMap(staff -> Mono.fromRunnable(() -> audit.record(staff.staffId(), "COMMISSIONER", action, subject, PURPOSE))
                                      .subscribeOn(Schedulers.boundedElastic()))
                .then();
    }
}
