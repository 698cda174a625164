package uk.london.victims.web.api.victims;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.victims.AddDelegateCommand;
import uk.london.victims.domain.cases.victims.RecordDelegateConsentCommand;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.web.api.CaseCommands;
import uk.london.victims.web.api.CommandAccepted;

/**
 * Delegates: an ISVA, IDVA, advocate or family spokesperson who follows the case in the portal for a
 * victim, only while the victim's consent is recorded. Their details are sealed under their own key.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/delegates")
class DelegateController {

    private final CaseCommands commands;
    private final PersonalDataVault vault;
    private final ObjectMapper json;

    DelegateController(CaseCommands commands, PersonalDataVault vault, ObjectMapper json) {
        this.commands = commands;
        this.vault = vault;
        this.json = json;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Name a delegate who may follow the case for a victim once the victim consents",
            description = "Roles: POLICE_OFFICER, VICTIM_SUPPORT")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'VICTIM_SUPPORT')")
    Mono<ResponseEntity<CommandAccepted>> addDelegate(@PathVariable String caseId, @Valid @RequestBody AddDelegateRequest body,
                                                      ServerWebExchange exchange) throws JsonProcessingException {
        PersonId delegateId = PersonId.newId();
        AddDelegateCommand command = new AddDelegateCommand(new CaseId(caseId), delegateId, body.victimId(), body.role(),
                vault.seal(delegateId, json.writeValueAsString(body.personalDetails())), body.occurredAt());
        return commands.sendAdding(exchange, body, command, delegateId.value());
    }

    @PostMapping("/{delegateId}/consent")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that the victim gave, or withdrew, consent for the delegate",
            description = "Roles: POLICE_OFFICER, VICTIM_SUPPORT")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'VICTIM_SUPPORT')")
    Mono<ResponseEntity<CommandAccepted>> consent(@PathVariable String caseId, @PathVariable String delegateId,
                                                  @Valid @RequestBody DelegateConsentRequest body, ServerWebExchange exchange) {
        return commands.send(exchange, body, new RecordDelegateConsentCommand(new CaseId(caseId), new PersonId(delegateId),
                body.consentGiven(), body.occurredAt()));
    }
}
