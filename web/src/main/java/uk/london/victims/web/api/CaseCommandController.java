package uk.london.victims.web.api;

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

import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.HearingId;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.web.api.requests.ArrestSuspectRequest;
import uk.london.victims.web.api.requests.AssignOfficerRequest;
import uk.london.victims.web.api.requests.CancelBailRequest;
import uk.london.victims.web.api.requests.ChangeBailConditionsRequest;
import uk.london.victims.web.api.requests.ChangeChargeSubstantiallyRequest;
import uk.london.victims.web.api.requests.ChargeSuspectRequest;
import uk.london.victims.web.api.requests.CloseCaseRequest;
import uk.london.victims.web.api.requests.DecideAppealRequest;
import uk.london.victims.web.api.requests.DecideNotToInvestigateRequest;
import uk.london.victims.web.api.requests.DiscontinueProsecutionRequest;
import uk.london.victims.web.api.requests.FileCaseRequest;
import uk.london.victims.web.api.requests.GiveOutOfCourtDisposalRequest;
import uk.london.victims.web.api.requests.GrantEnhancedRightsByDiscretionRequest;
import uk.london.victims.web.api.requests.IdentifySuspectRequest;
import uk.london.victims.web.api.requests.InterviewSuspectRequest;
import uk.london.victims.web.api.requests.ListHearingRequest;
import uk.london.victims.web.api.requests.LodgeAppealRequest;
import uk.london.victims.web.api.requests.OfferNoEvidenceRequest;
import uk.london.victims.web.api.requests.ReclassifyCrimeRequest;
import uk.london.victims.web.api.requests.RecordChargingDecisionRequest;
import uk.london.victims.web.api.requests.RecordComplaintResponseRequest;
import uk.london.victims.web.api.requests.RecordCrimeRequest;
import uk.london.victims.web.api.requests.RecordEqualityDataRequest;
import uk.london.victims.web.api.requests.RecordHearingOutcomeRequest;
import uk.london.victims.web.api.requests.RecordNeedsAssessmentRequest;
import uk.london.victims.web.api.requests.RecordPersistentTargetingRequest;
import uk.london.victims.web.api.requests.RecordRestorativeJusticeStepRequest;
import uk.london.victims.web.api.requests.RecordReviewDecisionRequest;
import uk.london.victims.web.api.requests.RecordSentenceRequest;
import uk.london.victims.web.api.requests.RecordSupportReferralRequest;
import uk.london.victims.web.api.requests.RecordVerdictRequest;
import uk.london.victims.web.api.requests.RecordVictimContactSchemeRequest;
import uk.london.victims.web.api.requests.RecordVictimPersonalStatementRequest;
import uk.london.victims.web.api.requests.RecordWitnessCareReceiptRequest;
import uk.london.victims.web.api.requests.ReleaseSuspectOnBailRequest;
import uk.london.victims.web.api.requests.ReleaseSuspectUnderInvestigationRequest;
import uk.london.victims.web.api.requests.ReopenCaseRequest;
import uk.london.victims.web.api.requests.RequestDecisionReviewRequest;
import uk.london.victims.web.api.requests.SendFileToCpsRequest;
import uk.london.victims.web.api.requests.SetContactPreferencesRequest;
import uk.london.victims.web.api.requests.ShareCaseWithUnitRequest;
import uk.london.victims.web.api.requests.TakeNoFurtherActionRequest;

/**
 * One resource per thing that can happen to a case. Each answers 201 with the case's new version (also
 * as the ETag); send it back as If-Match to be sure nobody changed the case in between. The role rules
 * say which agency may record what: police cannot record a verdict, the CPS cannot arrest.
 *
 * <p>Generated from one table of routes and roles (command, path, roles, summary) and kept by hand since:
 * the request records in {@code requests} mirror the domain commands minus the ids in the path.
 */
@RestController
@RequestMapping("/api/cases/{caseId}")
class CaseCommandController {

    private final CaseCommands commands;

    CaseCommandController(CaseCommands commands) {
        this.commands = commands;
    }

    @PostMapping("/crime-record")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the report as a crime", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> recordCrime(@PathVariable String caseId, @Valid @RequestBody RecordCrimeRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/reclassifications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reclassify the crime", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> reclassifyCrime(@PathVariable String caseId, @Valid @RequestBody ReclassifyCrimeRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/no-investigation-decision")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Decide not to investigate", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> decideNotToInvestigate(@PathVariable String caseId, @Valid @RequestBody DecideNotToInvestigateRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/officer-assignments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Assign or change the officer in the case", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> assignOfficer(@PathVariable String caseId, @Valid @RequestBody AssignOfficerRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/shared-units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Bring another agency's unit into the case",
               description = "Roles: POLICE_OFFICER of the case's BCU, or ADMIN. The unit then sees the case and may record on it.")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'ADMIN')")
    Mono<ResponseEntity<CommandAccepted>> shareWithUnit(@PathVariable String caseId, @Valid @RequestBody ShareCaseWithUnitRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/filing")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File the case", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> fileCase(@PathVariable String caseId, @Valid @RequestBody FileCaseRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/reopenings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reopen the case", description = "Roles: POLICE_OFFICER, CPS")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'CPS')")
    Mono<ResponseEntity<CommandAccepted>> reopenCase(@PathVariable String caseId, @Valid @RequestBody ReopenCaseRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/closure")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Close the case", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> closeCase(@PathVariable String caseId, @Valid @RequestBody CloseCaseRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/suspects")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Identify a suspect", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> identifySuspect(@PathVariable String caseId, @Valid @RequestBody IdentifySuspectRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/suspects/{suspectId}/arrests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an arrest", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> arrestSuspect(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody ArrestSuspectRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/interviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an interview under caution", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> interviewSuspect(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody InterviewSuspectRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/bail")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Release the suspect on police bail", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> releaseSuspectOnBail(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody ReleaseSuspectOnBailRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/bail-condition-changes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Change bail conditions", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> changeBailConditions(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody ChangeBailConditionsRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/bail-cancellations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Cancel bail", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> cancelBail(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody CancelBailRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/releases-under-investigation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Release the suspect under investigation", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> releaseSuspectUnderInvestigation(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody ReleaseSuspectUnderInvestigationRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/no-further-action")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Take no further action (police)", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> takeNoFurtherAction(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody TakeNoFurtherActionRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/out-of-court-disposals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Give an out-of-court disposal", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> giveOutOfCourtDisposal(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody GiveOutOfCourtDisposalRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/police-charges")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Charge the suspect (police)", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> chargeSuspect(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody ChargeSuspectRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/cps-referrals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send the file to the CPS", description = "Roles: POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> sendFileToCps(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody SendFileToCpsRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/charging-decisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the CPS charging decision", description = "Roles: CPS")
    @PreAuthorize("hasAnyRole('CPS')")
    Mono<ResponseEntity<CommandAccepted>> recordChargingDecision(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody RecordChargingDecisionRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/discontinuance")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Discontinue the prosecution", description = "Roles: CPS")
    @PreAuthorize("hasAnyRole('CPS')")
    Mono<ResponseEntity<CommandAccepted>> discontinueProsecution(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody DiscontinueProsecutionRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/hearings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "List a court hearing", description = "Roles: COURT")
    @PreAuthorize("hasAnyRole('COURT')")
    Mono<ResponseEntity<CommandAccepted>> listHearing(@PathVariable String caseId, @Valid @RequestBody ListHearingRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/witness-care-receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that Witness Care received court information", description = "Roles: WITNESS_CARE")
    @PreAuthorize("hasAnyRole('WITNESS_CARE')")
    Mono<ResponseEntity<CommandAccepted>> recordWitnessCareReceipt(@PathVariable String caseId, @Valid @RequestBody RecordWitnessCareReceiptRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId)));
    }

    @PostMapping("/hearings/{hearingId}/outcomes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record what happened at a hearing", description = "Roles: COURT")
    @PreAuthorize("hasAnyRole('COURT')")
    Mono<ResponseEntity<CommandAccepted>> recordHearingOutcome(@PathVariable String caseId, @PathVariable String hearingId, @Valid @RequestBody RecordHearingOutcomeRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new HearingId(hearingId)));
    }

    @PostMapping("/suspects/{suspectId}/verdicts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the verdict", description = "Roles: COURT")
    @PreAuthorize("hasAnyRole('COURT')")
    Mono<ResponseEntity<CommandAccepted>> recordVerdict(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody RecordVerdictRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/sentences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the sentence", description = "Roles: COURT")
    @PreAuthorize("hasAnyRole('COURT')")
    Mono<ResponseEntity<CommandAccepted>> recordSentence(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody RecordSentenceRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/restorative-justice-steps")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a restorative justice step", description = "Roles: RJ_PROVIDER, POLICE_OFFICER")
    @PreAuthorize("hasAnyRole('RJ_PROVIDER', 'POLICE_OFFICER')")
    Mono<ResponseEntity<CommandAccepted>> recordRestorativeJusticeStep(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody RecordRestorativeJusticeStepRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/victims/{victimId}/needs-assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a needs assessment (enhanced-rights gateway)", description = "Roles: POLICE_OFFICER, WITNESS_CARE, VICTIM_SUPPORT")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'WITNESS_CARE', 'VICTIM_SUPPORT')")
    Mono<ResponseEntity<CommandAccepted>> recordNeedsAssessment(@PathVariable String caseId, @PathVariable String victimId, @Valid @RequestBody RecordNeedsAssessmentRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new PersonId(victimId)));
    }

    @PostMapping("/victims/{victimId}/persistent-targeting")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an officer's assessment that the victim is persistently targeted (enhanced rights from now on)",
            description = "Roles: POLICE_OFFICER, WITNESS_CARE, VICTIM_SUPPORT")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'WITNESS_CARE', 'VICTIM_SUPPORT')")
    Mono<ResponseEntity<CommandAccepted>> recordPersistentTargeting(@PathVariable String caseId, @PathVariable String victimId,
            @Valid @RequestBody RecordPersistentTargetingRequest body, ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new PersonId(victimId)));
    }

    @PostMapping("/victims/{victimId}/enhanced-rights-by-discretion")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Give the victim enhanced rights at the agency's discretion (2020 Code), with the reason",
            description = "Roles: POLICE_OFFICER, CPS, WITNESS_CARE, PROBATION, VICTIM_SUPPORT")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'CPS', 'WITNESS_CARE', 'PROBATION', 'VICTIM_SUPPORT')")
    Mono<ResponseEntity<CommandAccepted>> grantEnhancedRightsByDiscretion(@PathVariable String caseId, @PathVariable String victimId,
            @Valid @RequestBody GrantEnhancedRightsByDiscretionRequest body, ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new PersonId(victimId)));
    }

    @PostMapping("/victims/{victimId}/contact-preferences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Set how the victim is contacted, and how not", description = "Roles: POLICE_OFFICER, WITNESS_CARE, VICTIM_SUPPORT")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'WITNESS_CARE', 'VICTIM_SUPPORT')")
    Mono<ResponseEntity<CommandAccepted>> setContactPreferences(@PathVariable String caseId, @PathVariable String victimId, @Valid @RequestBody SetContactPreferencesRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new PersonId(victimId)));
    }

    @PostMapping("/victims/{victimId}/support-referrals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record consent to, and referral to, support services", description = "Roles: POLICE_OFFICER, VICTIM_SUPPORT")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'VICTIM_SUPPORT')")
    Mono<ResponseEntity<CommandAccepted>> recordSupportReferral(@PathVariable String caseId, @PathVariable String victimId, @Valid @RequestBody RecordSupportReferralRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new PersonId(victimId)));
    }

    @PostMapping("/victims/{victimId}/equality-data")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the victim's self-declared equality data", description = "Roles: POLICE_OFFICER, VICTIM_SUPPORT")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'VICTIM_SUPPORT')")
    Mono<ResponseEntity<CommandAccepted>> recordEqualityData(@PathVariable String caseId, @PathVariable String victimId, @Valid @RequestBody RecordEqualityDataRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new PersonId(victimId)));
    }

    @PostMapping("/victims/{victimId}/personal-statement-steps")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a Victim Personal Statement step", description = "Roles: POLICE_OFFICER, CPS, COURT, WITNESS_CARE")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'CPS', 'COURT', 'WITNESS_CARE')")
    Mono<ResponseEntity<CommandAccepted>> recordVictimPersonalStatement(@PathVariable String caseId, @PathVariable String victimId, @Valid @RequestBody RecordVictimPersonalStatementRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new PersonId(victimId)));
    }

    @PostMapping("/victims/{victimId}/victim-contact-scheme-steps")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a Victim Contact Scheme step", description = "Roles: WITNESS_CARE, PROBATION")
    @PreAuthorize("hasAnyRole('WITNESS_CARE', 'PROBATION')")
    Mono<ResponseEntity<CommandAccepted>> recordVictimContactScheme(@PathVariable String caseId, @PathVariable String victimId, @Valid @RequestBody RecordVictimContactSchemeRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new PersonId(victimId)));
    }

    @PostMapping("/victims/{victimId}/complaints/{complaintId}/responses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an agency's response to a complaint", description = "Roles: POLICE_OFFICER, CPS, WITNESS_CARE, COURT, PROBATION, RJ_PROVIDER, VICTIM_SUPPORT")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'CPS', 'WITNESS_CARE', 'COURT', 'PROBATION', 'RJ_PROVIDER', 'VICTIM_SUPPORT')")
    Mono<ResponseEntity<CommandAccepted>> recordComplaintResponse(@PathVariable String caseId, @PathVariable String victimId, @PathVariable String complaintId, @Valid @RequestBody RecordComplaintResponseRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new PersonId(victimId), complaintId));
    }

    @PostMapping("/suspects/{suspectId}/charge-changes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a substantial change of charge", description = "Roles: CPS")
    @PreAuthorize("hasAnyRole('CPS')")
    Mono<ResponseEntity<CommandAccepted>> changeChargeSubstantially(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody ChangeChargeSubstantiallyRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/no-evidence-offered")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record that no evidence was offered", description = "Roles: CPS")
    @PreAuthorize("hasAnyRole('CPS')")
    Mono<ResponseEntity<CommandAccepted>> offerNoEvidence(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody OfferNoEvidenceRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/review-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the victim's request to review a decision", description = "Roles: POLICE_OFFICER, CPS, VICTIM_SUPPORT")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'CPS', 'VICTIM_SUPPORT')")
    Mono<ResponseEntity<CommandAccepted>> requestDecisionReview(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody RequestDecisionReviewRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/review-decisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the outcome of a review", description = "Roles: POLICE_OFFICER, CPS")
    @PreAuthorize("hasAnyRole('POLICE_OFFICER', 'CPS')")
    Mono<ResponseEntity<CommandAccepted>> recordReviewDecision(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody RecordReviewDecisionRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/appeals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an appeal lodged", description = "Roles: COURT")
    @PreAuthorize("hasAnyRole('COURT')")
    Mono<ResponseEntity<CommandAccepted>> lodgeAppeal(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody LodgeAppealRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }

    @PostMapping("/suspects/{suspectId}/appeal-decisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an appeal decided", description = "Roles: COURT")
    @PreAuthorize("hasAnyRole('COURT')")
    Mono<ResponseEntity<CommandAccepted>> decideAppeal(@PathVariable String caseId, @PathVariable String suspectId, @Valid @RequestBody DecideAppealRequest body,
            ServerWebExchange exchange) {
        return commands.send(exchange, body, body.toCommand(new CaseId(caseId), new SuspectId(suspectId)));
    }
}
