package uk.london.victims.web.api;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.HearingId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.web.api.requests.*;

/**
 * One resource per thing that can happen to a case. Each answers 201 with the case's new version (also
 * as the ETag); send it back as If-Match to be sure nobody changed the case in between. The role rules
 * say which agency may record what: police cannot record a verdict, the CPS cannot arrest.
 */
@RestController
@RequestMapping("/api/cases/{caseId}")
class CaseCommandController {

    private final CaseCommands commands;

    CaseCommandController(CaseCommands commands) {
        this.commands = commands;
    }

    @PostMapping("/crime-record")
    @Operation(summary = "Record the report as a crime")
    Mono<ResponseEntity<CommandAccepted>> recordCrime(@PathVariable String caseId, @Valid @RequestBody RecordCrimeRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/reclassifications")
    @Operation(summary = "Reclassify the crime")
    Mono<ResponseEntity<CommandAccepted>> reclassifyCrime(@PathVariable String caseId, @Valid @RequestBody ReclassifyCrimeRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/no-investigation-decision")
    @Operation(summary = "Decide not to investigate")
    Mono<ResponseEntity<CommandAccepted>> decideNotToInvestigate(@PathVariable String caseId, @Valid @RequestBody DecideNotToInvestigateRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/officer-assignments")
    @Operation(summary = "Assign or change the officer in the case")
    Mono<ResponseEntity<CommandAccepted>> assignOfficer(@PathVariable String caseId, @Valid @RequestBody AssignOfficerRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/filing")
    @Operation(summary = "File the case")
    Mono<ResponseEntity<CommandAccepted>> fileCase(@PathVariable String caseId, @Valid @RequestBody FileCaseRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/reopenings")
    @Operation(summary = "Reopen the case")
    Mono<ResponseEntity<CommandAccepted>> reopenCase(@PathVariable String caseId, @Valid @RequestBody ReopenCaseRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/closure")
    @Operation(summary = "Close the case")
    Mono<ResponseEntity<CommandAccepted>> closeCase(@PathVariable String caseId, @Valid @RequestBody CloseCaseRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/suspects")
    @Operation(summary = "Identify a suspect")
    Mono<ResponseEntity<CommandAccepted>> identifySuspect(@PathVariable String caseId, @Valid @RequestBody IdentifySuspectRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/suspects/{suspectId}/arrests")
    @Operation(summary = "Record an arrest")
    Mono<ResponseEntity<CommandAccepted>> arrestSuspect(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody ArrestSuspectRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/interviews")
    @Operation(summary = "Record an interview under caution")
    Mono<ResponseEntity<CommandAccepted>> interviewSuspect(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody InterviewSuspectRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/bail")
    @Operation(summary = "Release the suspect on police bail")
    Mono<ResponseEntity<CommandAccepted>> releaseSuspectOnBail(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody ReleaseSuspectOnBailRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/bail-condition-changes")
    @Operation(summary = "Change bail conditions")
    Mono<ResponseEntity<CommandAccepted>> changeBailConditions(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody ChangeBailConditionsRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/bail-cancellations")
    @Operation(summary = "Cancel bail")
    Mono<ResponseEntity<CommandAccepted>> cancelBail(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody CancelBailRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/releases-under-investigation")
    @Operation(summary = "Release the suspect under investigation")
    Mono<ResponseEntity<CommandAccepted>> releaseSuspectUnderInvestigation(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody ReleaseSuspectUnderInvestigationRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/no-further-action")
    @Operation(summary = "Take no further action (police)")
    Mono<ResponseEntity<CommandAccepted>> takeNoFurtherAction(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody TakeNoFurtherActionRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/out-of-court-disposals")
    @Operation(summary = "Give an out-of-court disposal")
    Mono<ResponseEntity<CommandAccepted>> giveOutOfCourtDisposal(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody GiveOutOfCourtDisposalRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/police-charges")
    @Operation(summary = "Charge the suspect (police)")
    Mono<ResponseEntity<CommandAccepted>> chargeSuspect(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody ChargeSuspectRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/cps-referrals")
    @Operation(summary = "Send the file to the CPS")
    Mono<ResponseEntity<CommandAccepted>> sendFileToCps(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody SendFileToCpsRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/charging-decisions")
    @Operation(summary = "Record the CPS charging decision")
    Mono<ResponseEntity<CommandAccepted>> recordChargingDecision(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody RecordChargingDecisionRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/discontinuance")
    @Operation(summary = "Discontinue the prosecution")
    Mono<ResponseEntity<CommandAccepted>> discontinueProsecution(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody DiscontinueProsecutionRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/hearings")
    @Operation(summary = "List a court hearing")
    Mono<ResponseEntity<CommandAccepted>> listHearing(@PathVariable String caseId, @Valid @RequestBody ListHearingRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/hearings/{hearingId}/witness-care-receipts")
    @Operation(summary = "Record that Witness Care received court information")
    Mono<ResponseEntity<CommandAccepted>> recordWitnessCareReceipt(@PathVariable String caseId, @PathVariable String hearingId, @Valid @RequestBody RecordWitnessCareReceiptRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new HearingId(hearingId)));
    }

    @PostMapping("/hearings/{hearingId}/outcomes")
    @Operation(summary = "Record what happened at a hearing")
    Mono<ResponseEntity<CommandAccepted>> recordHearingOutcome(@PathVariable String caseId, @PathVariable String hearingId, @Valid @RequestBody RecordHearingOutcomeRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new HearingId(hearingId)));
    }

    @PostMapping("/suspects/{suspectId}/verdicts")
    @Operation(summary = "Record the verdict")
    Mono<ResponseEntity<CommandAccepted>> recordVerdict(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody RecordVerdictRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/sentences")
    @Operation(summary = "Record the sentence")
    Mono<ResponseEntity<CommandAccepted>> recordSentence(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody RecordSentenceRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/restorative-justice-steps")
    @Operation(summary = "Record a restorative justice step")
    Mono<ResponseEntity<CommandAccepted>> recordRestorativeJusticeStep(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody RecordRestorativeJusticeStepRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }
}
