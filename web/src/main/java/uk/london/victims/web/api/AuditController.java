package uk.london.victims.web.api;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.application.audit.AuditLog;

/**
 * Whether the audit log is whole (ADR 0021). There is deliberately no way to change or delete an entry
 * through the service; this only reads the chain and says where it breaks, if it does.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/verification")
    @Operation(summary = "Check the audit log's hash chain from its first entry",
            description = "Roles: ADMIN. Reads the whole log: for an operator's check or a scheduled job, not for every request.")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<AuditLog.Verification> verify() {
        return Mono.fromCallable(audit::verify).subscribeOn(Schedulers.boundedElastic());
    }
}
