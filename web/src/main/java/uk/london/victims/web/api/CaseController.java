package uk.london.victims.web.api;


import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Operation;

import reactor.core.publisher.Mono;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.investigation.ReportCrimeCommand;
import uk.london.victims.domain.cases.victims.RecordVictimInformedCommand;
import uk.london.victims.projections.casesummary.CaseSummaryView;
import uk.london.victims.web.security.AnyAgencyRole;

/**
 * The agency API for a case. A 2xx answer means the change is durably stored. Every method says which
 * agency roles may call it; a refusal is a 403 problem and nothing is recorded.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseCommands commands;
    private final VisibleCases visibleCases;

    CaseController(CaseCommands commands, VisibleCases visibleCases) {
        this.commands = commands;
        this.visibleCases = visibleCases;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a crime: opens a case", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> reportCrime(@Valid @RequestBody ReportCrimeRequest request,
                                                      ServerWebExchange exchange) {
        CaseId caseId = request.caseId() == null ? CaseId.newId() : new CaseId(request.caseId());
        return commands.create(exchange, request, new ReportCrimeCommand(caseId, request.channel(), request.occurredAt()));
    }

    @PostMapping("/{caseId}/victim-contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that the victim was told something",
            description = "Roles: POLICE_OFFICER, WITNESS_CARE, CPS, PROBATION, RJ_PROVIDER, VICTIM_SUPPORT")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'WITNESS_CARE', 'CPS', 'PROBATION', 'RJ_PROVIDER', 'VICTIM_SUPPORT')")
    Mono<ResponseEntity<CommandAccepted>> recordVictimInformed(@PathVariable String caseId,
                                                               @Valid @RequestBody VictimInformedRequest request,
                                                               ServerWebExchange exchange) {
        return commands.send(exchange, request, new RecordVictimInformedCommand(new CaseId(caseId), request.victimId(), request.aboutSequence(),
                request.informedAbout(),
                request.channel(), request.informedBy(), request.occurredAt()));
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "The case at a glance")
    @AnyAgencyRole
    Mono<ResponseEntity<CaseSummaryView>> caseSummary(@PathVariable String caseId) {
        return visibleCases.require(new CaseId(caseId))
                           .map(view -> ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view));
    }
}
