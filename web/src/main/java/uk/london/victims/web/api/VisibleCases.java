package uk.london.victims.web.api;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.projections.casesummary.CaseSummaryView;
import uk.london.victims.projections.casesummary.FindCaseSummaryQuery;
import uk.london.victims.web.security.CaseVisibility;
import uk.london.victims.web.security.StaffMember;

/** The one place every read of a case checks that the caller may see it (ADR 0008): else 404. */
@Component
class VisibleCases {

    private final QueryGateway queries;

    VisibleCases(QueryGateway queries) {
        this.queries = queries;
    }

    /** The case's summary when the caller may see it; otherwise an error answered as 404, as if it did not exist. */
    Mono<CaseSummaryView> require(CaseId caseId) {
        return StaffMember.current()
                // Query handlers run on the calling thread and block on the store: not on the event loop
                // (seen: 100 clients queued behind two event-loop threads, p50 0.8 s for a case GET).
                .flatMap(staff -> Mono.fromFuture(() -> queries.query(new FindCaseSummaryQuery(caseId.value()),
                                ResponseTypes.optionalInstanceOf(CaseSummaryView.class))).subscribeOn(Schedulers.boundedElastic())
                        .flatMap(Mono::justOrEmpty)
                        .filter(view -> CaseVisibility.canSee(staff, view)))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case")));
    }
}
