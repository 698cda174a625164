package uk.london.victims.web.api;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.validation.Valid;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.RecordVictimInformedCommand;
import uk.london.victims.domain.cases.ReportCrimeCommand;
import uk.london.victims.projections.casesummary.CaseSummaryView;
import uk.london.victims.projections.casesummary.FindCaseSummaryQuery;
import uk.london.victims.web.security.AnyAgencyRole;

/**
 * The agency API for a case. A 2xx answer means the change is durably stored. Every method says which
 * agency roles may call it; a refusal is a 403 problem and nothing is recorded.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    CaseController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    @PreAuthorize("hasRole('POLICE_OFFICER')")
    Mono<ResponseEntity<Map<String, String>>> reportCrime(@Valid @RequestBody ReportCrimeRequest request) {
        CaseId caseId = request.caseId() == null ? CaseId.newId() : new CaseId(request.caseId());
        return blocking(() -> commands.sendAndWait(new ReportCrimeCommand(caseId, request.channel(), request.occurredAt())))
                .thenReturn(ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(Map.of("caseId", caseId.value())));
    }

    /** Any agency that told the victim something records that it did; courts, the Commissioner and admins do not. */
    @PostMapping("/{caseId}/victim-contacts")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'WITNESS_CARE', 'CPS', 'PROBATION', 'RJ_PROVIDER', 'VICTIM_SUPPORT')")
    Mono<ResponseEntity<Void>> recordVictimInformed(@PathVariable String caseId,
                                                    @Valid @RequestBody VictimInformedRequest request) {
        CaseId id = new CaseId(caseId);
        return blocking(() -> commands.sendAndWait(new RecordVictimInformedCommand(id, request.informedAbout(),
                request.channel(), request.informedBy(), request.occurredAt())))
                .thenReturn(ResponseEntity.status(HttpStatus.CREATED).build());
    }

    @GetMapping("/{caseId}")
    @AnyAgencyRole
    Mono<CaseSummaryView> caseSummary(@PathVariable String caseId) {
        FindCaseSummaryQuery query = new FindCaseSummaryQuery(new CaseId(caseId).value());
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.optionalInstanceOf(CaseSummaryView.class)))
                   .flatMap(Mono::justOrEmpty)
                   .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case")));
    }

    /** Axon command handling blocks on the store: keep it off the event loop. */
    private static Mono<Object> blocking(Callable<Object> work) {
        return Mono.fromCallable(() -> Optional.ofNullable(work.call()).orElse(Boolean.TRUE))
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
