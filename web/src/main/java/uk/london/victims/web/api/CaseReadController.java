package uk.london.victims.web.api;

import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.application.store.MongoEventStorageEngine;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.CaseStatus;
import uk.london.victims.domain.geography.Borough;
import uk.london.victims.projections.casesummary.CaseSummaryView;
import uk.london.victims.projections.casesummary.FindCasesQuery;
import uk.london.victims.projections.timeline.CaseTimelineView;
import uk.london.victims.projections.timeline.FindCaseTimelineQuery;
import uk.london.victims.web.security.AgencyRole;
import uk.london.victims.web.security.AnyAgencyRole;
import uk.london.victims.web.security.CaseVisibility;
import uk.london.victims.web.security.StaffMember;

/**
 * Reading cases: search, the one-timeline view, and the raw event history. Every read of a record that
 * may hold a victim's details is written to the audit log first, with the purpose the reader gave.
 */
@RestController
@RequestMapping("/api/cases")
@AnyAgencyRole
class CaseReadController {

    private final QueryGateway queries;
    private final VisibleCases visibleCases;
    private final MongoEventStorageEngine events;
    private final AuditedReads audited;

    CaseReadController(QueryGateway queries, VisibleCases visibleCases, MongoEventStorageEngine events, AuditedReads audited) {
        this.queries = queries;
        this.visibleCases = visibleCases;
        this.events = events;
        this.audited = audited;
    }

    @GetMapping
    @Operation(summary = "Search cases by crime reference, borough, status or officer")
    Mono<List<CaseSummaryView>> search(@RequestParam(required = false) String crimeReference,
                                       @RequestParam(required = false) Borough borough,
                                       @RequestParam(required = false) CaseStatus status,
                                       @RequestParam(required = false) String officerId,
                                       @RequestParam(defaultValue = "50") int limit) {
        FindCasesQuery query = new FindCasesQuery(crimeReference, borough == null ? null : borough.name(),
                status == null ? null : status.name(), officerId, limit);
        return StaffMember.current().flatMap(staff -> Mono.fromFuture(() -> queries.query(query,
                        ResponseTypes.multipleInstancesOf(CaseSummaryView.class))).subscribeOn(Schedulers.boundedElastic())
                .map(cases -> cases.stream().filter(view -> CaseVisibility.canSee(staff, view)).toList()));
    }

    @GetMapping("/{caseId}/timeline")
    @Operation(summary = "Every agency's steps on the case, oldest first, with personal details opened")
    Mono<CaseTimelineView> timeline(@PathVariable String caseId,
                                    @Parameter(description = AuditedReads.PURPOSE_DESCRIPTION, required = true)
                                    @RequestHeader(name = AuditedReads.PURPOSE, required = false) String purpose) {
        CaseId id = new CaseId(caseId);
        return AuditedReads.purpose(purpose).flatMap(why -> visible(id).then(audited.record("read-timeline", id, why)))
                .then(StaffMember.current())
                // Off the event loop: the query handler blocks on the store (see VisibleCases).
                .flatMap(staff -> Mono.fromFuture(() -> queries.query(new FindCaseTimelineQuery(id.value(), seesNames(staff)),
                        ResponseTypes.optionalInstanceOf(CaseTimelineView.class))).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case")));
    }

    @GetMapping("/{caseId}/events")
    @Operation(summary = "The case's full event history as stored (personal details stay sealed)")
    Mono<List<Map<String, Object>>> history(@PathVariable String caseId,
                                            @Parameter(description = AuditedReads.PURPOSE_DESCRIPTION, required = true)
                                            @RequestHeader(name = AuditedReads.PURPOSE, required = false) String purpose) {
        CaseId id = new CaseId(caseId);
        return AuditedReads.purpose(purpose).flatMap(why -> visible(id).then(audited.record("read-history", id, why)))
                .then(Mono.fromCallable(() -> events.readEvents(id.value()).asStream().map(CaseReadController::describe).toList())
                          .subscribeOn(Schedulers.boundedElastic()))
                .filter(list -> !list.isEmpty())
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case")));
    }

    private Mono<Void> visible(CaseId caseId) {
        return visibleCases.require(caseId).then();
    }

    /** The Commissioner reviews case histories without names; staff working the case see them. */
    private static boolean seesNames(StaffMember staff) {
        return staff.roles().stream().anyMatch(role -> role != AgencyRole.COMMISSIONER);
    }

    static String roles(StaffMember staff) {
        return staff.roles().stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
    }

    private static Map<String, Object> describe(DomainEventMessage<?> event) {
        return Map.of("sequence", event.getSequenceNumber(), "type", event.getPayloadType().getSimpleName(),
                "recordedAt", event.getTimestamp().toString(), "payload", event.getPayload());
    }
}
