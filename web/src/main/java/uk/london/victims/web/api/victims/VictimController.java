package uk.london.victims.web.api.victims;

import jakarta.validation.Valid;

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
import reactor.core.publisher.Mono;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.CaseRuleViolationException;
import uk.london.victims.domain.cases.victims.AddVictimCommand;
import uk.london.victims.domain.cases.victims.MakeComplaintCommand;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.web.api.CaseCommands;
import uk.london.victims.web.api.CommandAccepted;

/**
 * The commands that carry personal details. Those details are sealed with the person's own key here,
 * before the command exists, so they are never in plain text in a command, an event or a log.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/victims")
class VictimController {

    private final CaseCommands commands;
    private final PersonalDataVault vault;
    private final ObjectMapper json;

    VictimController(CaseCommands commands, PersonalDataVault vault, ObjectMapper json) {
        this.commands = commands;
        this.vault = vault;
        this.json = json;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a victim to the case", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> addVictim(@PathVariable String caseId, @Valid @RequestBody AddVictimRequest body,
                                                    ServerWebExchange exchange) throws JsonProcessingException {
        PersonId victimId = body.victimId() == null ? PersonId.newId() : body.victimId();
        if (vault.isErased(victimId)) {
            throw new CaseRuleViolationException("person-erased", "This person's details were erased at their request; "
                    + "they cannot be added again under the same id");
        }
        AddVictimCommand command = new AddVictimCommand(new CaseId(caseId), victimId, body.kind(),
                vault.seal(victimId, json.writeValueAsString(body.personalDetails())), body.under18AtOffence(),
                body.occurredAt());
        return commands.sendAdding(exchange, body, command, victimId.value());
    }

    @PostMapping("/{victimId}/complaints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a victim's complaint about an agency",
            description = "Roles: POLICE_OFFICER, CPS, WITNESS_CARE, COURT, PROBATION, RJ_PROVIDER, VICTIM_SUPPORT")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'CPS', 'WITNESS_CARE', 'COURT', 'PROBATION', 'RJ_PROVIDER', 'VICTIM_SUPPORT')")
    Mono<ResponseEntity<CommandAccepted>> makeComplaint(@PathVariable String caseId, @PathVariable String victimId,
                                                        @Valid @RequestBody MakeComplaintRequest body,
                                                        ServerWebExchange exchange) {
        PersonId victim = new PersonId(victimId);
        return commands.send(exchange, body, new MakeComplaintCommand(new CaseId(caseId), victim, body.complaintId(),
                body.agency(), vault.seal(victim, body.summary()), body.occurredAt()));
    }
}
