package uk.london.victims.web.api;

import java.util.List;
import java.util.Map;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.application.notifications.Outbox;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.projections.casesummary.CaseSummaryView;
import uk.london.victims.projections.casesummary.FindCaseSummaryQuery;
import uk.london.victims.web.security.AnyAgencyRole;
import uk.london.victims.web.security.CaseVisibility;
import uk.london.victims.web.security.StaffMember;

/**
 * The notices sent to a case's victims and where each stands (queued, sent, in the local outbox, failed),
 * so staff can see a failed message and phone instead. No addresses: those stay sealed in the case.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/notifications")
@AnyAgencyRole
class NotificationController {

    private final QueryGateway queries;
    private final Outbox outbox;

    NotificationController(QueryGateway queries, Outbox outbox) {
        this.queries = queries;
        this.outbox = outbox;
    }

    @GetMapping
    @Operation(summary = "Notices to the case's victims, newest first, with their delivery status")
    Mono<List<Map<String, Object>>> notifications(@PathVariable String caseId) {
        CaseId id = new CaseId(caseId);
        return StaffMember.current()
                .flatMap(staff -> Mono.fromFuture(() -> queries.query(new FindCaseSummaryQuery(id.value()),
                                ResponseTypes.optionalInstanceOf(CaseSummaryView.class)))
                        .flatMap(Mono::justOrEmpty)
                        .filter(view -> CaseVisibility.canSee(staff, view)))
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case")))
                .flatMap(visible -> Mono.fromCallable(() -> outbox.forCase(id.value()).stream()
                        .map(message -> {
                            Map<String, Object> view = new java.util.LinkedHashMap<>(message);
                            view.put("id", view.remove("_id"));
                            return view;
                        }).toList()).subscribeOn(Schedulers.boundedElastic()));
    }
}
