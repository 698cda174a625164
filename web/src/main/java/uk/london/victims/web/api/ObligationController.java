package uk.london.victims.web.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

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
import uk.london.victims.domain.cases.Agency;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.projections.casesummary.CaseSummaryView;
import uk.london.victims.projections.obligations.CaseObligationsView;
import uk.london.victims.projections.obligations.FindCaseObligationsQuery;
import uk.london.victims.projections.obligations.FindWorkListQuery;
import uk.london.victims.projections.obligations.WorkItemView;
import uk.london.victims.web.security.AgencyRole;
import uk.london.victims.web.security.AnyAgencyRole;
import uk.london.victims.web.security.CaseVisibility;
import uk.london.victims.web.security.StaffMember;

/**
 * What the Victims' Code required of each agency on a case, and whether it was given; and each agency's
 * work list, so staff act before a breach. Any date may be asked about: only what had been recorded by
 * then counts, so the answer for a date never changes.
 */
@RestController
@RequestMapping("/api")
@AnyAgencyRole
class ObligationController {

    /** A work list answers at most this many items: its cost follows what it lists (issue 10). */
    private static final int MAX_WORK_ITEMS = 1000;
    /** At most this many of everyone's items are read to find those a staff member may see. */
    private static final int MAX_WORK_ITEMS_READ = 16_000;

    private final QueryGateway queries;
    private final VisibleCases visibleCases;
    private final AuditedReads audited;
    private final Clock clock;

    ObligationController(QueryGateway queries, VisibleCases visibleCases, AuditedReads audited, Clock clock) {
        this.queries = queries;
        this.visibleCases = visibleCases;
        this.audited = audited;
        this.clock = clock;
    }

    @GetMapping("/cases/{caseId}/obligations")
    @Operation(summary = "The case's Victims' Code obligations as of a date (default now)")
    Mono<CaseObligationsView> caseObligations(@PathVariable String caseId, @RequestParam(required = false) Instant asOf,
                                              @Parameter(description = AuditedReads.PURPOSE_DESCRIPTION, required = true)
                                              @RequestHeader(name = AuditedReads.PURPOSE, required = false) String purpose) {
        CaseId id = new CaseId(caseId);
        Instant when = asOf == null ? clock.instant() : asOf;
        // What each victim was owed and told, with their ids: a read of their record like any other.
        return AuditedReads.purpose(purpose).flatMap(why -> visibleCases.require(id)
                        .flatMap(visible -> audited.record("read-obligations", id, why).thenReturn(visible)))
                .flatMap(visible -> Mono.fromFuture(() -> queries.query(new FindCaseObligationsQuery(id.value(), when),
                        ResponseTypes.optionalInstanceOf(CaseObligationsView.class))).subscribeOn(Schedulers.boundedElastic()))
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case")));
    }

    @GetMapping("/work-list")
    @Operation(summary = "What an agency owes victims and has not yet given: overdue, due today, due soon",
            description = "agency defaults to the caller's own; staff see the items of the cases they may see; bcu (code or "
                          + "name, e.g. CE) keeps one Basic Command Unit's cases; limit (default 200, at most 1,000) lists the earliest "
                          + "deadlines first")
    Mono<List<WorkItemView>> workList(@RequestParam(required = false) Agency agency,
                                      @RequestParam(required = false) Instant asOf,
                                      @RequestParam(defaultValue = "2") int dueSoonWorkingDays,
                                      @RequestParam(required = false) String bcu,
                                      @RequestParam(defaultValue = "" + FindWorkListQuery.DEFAULT_LIMIT) int limit) {
        Instant when = asOf == null ? clock.instant() : asOf;
        String unit = bcu == null ? null : AreaParameters.bcuName(bcu);
        int wanted = Math.max(1, Math.min(limit, MAX_WORK_ITEMS));
        int dueSoon = Math.max(0, Math.min(dueSoonWorkingDays, 20));
        return StaffMember.current().flatMap(staff -> {
            Agency owner = agency != null ? agency : agencyOf(staff);
            return Mono.fromCallable(() -> visibleWorkList(staff, owner, when, dueSoon, unit, wanted))
                    .subscribeOn(Schedulers.boundedElastic());
        });
    }

    /**
     * The first {@code wanted} items the caller may see. The query lists the earliest deadlines of everyone's cases,
     * so for someone who sees only some of them it is asked again for more (four times as many each time, up to
     * {@link #MAX_WORK_ITEMS_READ}) until enough are visible or the list has no more.
     */
    private List<WorkItemView> visibleWorkList(StaffMember staff, Agency owner, Instant when, int dueSoon, String unit, int wanted) {
        for (int asked = wanted; ; asked = Math.min(asked * 4, MAX_WORK_ITEMS_READ)) {
            List<WorkItemView> items = queries.query(new FindWorkListQuery(owner, when, dueSoon, unit, asked),
                    ResponseTypes.multipleInstancesOf(WorkItemView.class)).join();
            List<WorkItemView> visible = items.stream().filter(item -> visible(staff, item)).toList();
            if (visible.size() >= wanted || items.size() < asked || asked >= MAX_WORK_ITEMS_READ) {
                return visible.size() > wanted ? visible.subList(0, wanted) : visible;
            }
        }
    }

    private static boolean visible(StaffMember staff, WorkItemView item) {
        return CaseVisibility.canSee(staff, new CaseSummaryView(item.caseId(), null, null, null, item.crimeReference(), null,
                null, item.bcu(), List.of(), item.officerId(), null, item.units(), 0, 0, 0, null, 0));
    }


    private static Agency agencyOf(StaffMember staff) {
        for (AgencyRole role : staff.roles()) {
            switch (role) {
                case POLICE_OFFICER: return Agency.POLICE;
                case WITNESS_CARE: return Agency.WITNESS_CARE;
                case CPS: return Agency.CPS;
                case COURT: return Agency.COURT;
                case PROBATION: return Agency.PROBATION;
                case RJ_PROVIDER: return Agency.RESTORATIVE_JUSTICE_PROVIDER;
                case VICTIM_SUPPORT: return Agency.VICTIM_SUPPORT;
                default: break;
            }
        }
        throw new IllegalArgumentException("agency is required for a member of staff of no one agency, one of "
                + java.util.Arrays.toString(Agency.values()));
    }
}
