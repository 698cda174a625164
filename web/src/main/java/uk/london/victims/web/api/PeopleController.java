package uk.london.victims.web.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.application.audit.AuditLog;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.web.security.StaffMember;

/**
 * Erasure: destroys the person's key, so their details become unreadable in every event, read model and
 * backup that holds them sealed, while every case history and count stays whole.
 */
@RestController
@RequestMapping("/api/people")
class PeopleController {

    private final PersonalDataVault vault;
    private final AuditLog audit;

    PeopleController(PersonalDataVault vault, AuditLog audit) {
        this.vault = vault;
        this.audit = audit;
    }

    @PostMapping("/{personId}/erasure")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Erase a person's personal details everywhere", description = "Roles: ADMIN")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<ResponseEntity<Void>> erase(@PathVariable String personId) {
        PersonId person = new PersonId(personId);
        return StaffMember.current()
                .flatMap(staff -> Mono.fromRunnable(() -> {
                    audit.record(staff.staffId(), "ADMIN", "erase-person", "person/" + person.value(), null);
                    vault.erase(person);
                }).subscribeOn(Schedulers.boundedElastic()))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
