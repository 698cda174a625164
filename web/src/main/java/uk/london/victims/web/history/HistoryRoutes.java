package uk.london.victims.web.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import uk.london.victims.domain.cases.CaseCommand;
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
 * The steps an import line may name: the API's own routes under {@code /api/cases/{caseId}/}, each with
 * the request record its body binds to and the same mapping onto a command as its controller. The routes
 * whose controllers seal personal details or open the case are added by {@link HistoryImport}, which holds
 * the vault. {@code HistoryImportTest} checks that every case route of the API is here (delegates apart).
 */
final class HistoryRoutes {

    /** Makes the command from the case id, the route's path variables and the bound body. */
    @FunctionalInterface
    interface ToCommand<B> {
        CaseCommand apply(CaseId caseId, Map<String, String> path, B body);
    }

    record Route<B>(String template, PathPattern pattern, Class<B> bodyType, ToCommand<B> toCommand) {
    }

    /** A step resolved: its route and the values of the path's variables. */
    record Match(Route<?> route, Map<String, String> path) {
    }

    private static final PathPatternParser PARSER = new PathPatternParser();

    private final List<Route<?>> routes;

    HistoryRoutes(List<Route<?>> extra) {
        List<Route<?>> all = new ArrayList<>(extra);
        all.addAll(commandRoutes());
        this.routes = List.copyOf(all);
    }

    static <B> Route<B> route(String template, Class<B> bodyType, ToCommand<B> toCommand) {
        return new Route<>(template, PARSER.parse("/" + template), bodyType, toCommand);
    }

    Optional<Match> match(String step) {
        PathContainer path = PathContainer.parsePath("/" + step);
        for (Route<?> route : routes) {
            PathPattern.PathMatchInfo info = route.pattern().matchAndExtract(path);
            if (info != null) {
                return Optional.of(new Match(route, info.getUriVariables()));
            }
        }
        return Optional.empty();
    }

    List<String> templates() {
        return routes.stream().map(Route::template).toList();
    }

    private static <B> void add(List<Route<?>> routes, String template, Class<B> bodyType, ToCommand<B> toCommand) {
        routes.add(route(template, bodyType, toCommand));
    }

    /** As {@code CaseCommandController}: one route per command, the body's own {@code toCommand}. */
    private static List<Route<?>> commandRoutes() {
        List<Route<?>> routes = new ArrayList<>();
        add(routes, "crime-record", RecordCrimeRequest.class, (caseId, path, body) -> body.toCommand(caseId));
        add(routes, "reclassifications", ReclassifyCrimeRequest.class, (caseId, path, body) -> body.toCommand(caseId));
        add(routes, "no-investigation-decision", DecideNotToInvestigateRequest.class, (caseId, path, body) -> body.toCommand(caseId));
        add(routes, "officer-assignments", AssignOfficerRequest.class, (caseId, path, body) -> body.toCommand(caseId));
        add(routes, "shared-units", ShareCaseWithUnitRequest.class, (caseId, path, body) -> body.toCommand(caseId));
        add(routes, "filing", FileCaseRequest.class, (caseId, path, body) -> body.toCommand(caseId));
        add(routes, "reopenings", ReopenCaseRequest.class, (caseId, path, body) -> body.toCommand(caseId));
        add(routes, "closure", CloseCaseRequest.class, (caseId, path, body) -> body.toCommand(caseId));
        add(routes, "suspects", IdentifySuspectRequest.class, (caseId, path, body) -> body.toCommand(caseId));
        add(routes, "suspects/{suspectId}/arrests", ArrestSuspectRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/interviews", InterviewSuspectRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/bail", ReleaseSuspectOnBailRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/bail-condition-changes", ChangeBailConditionsRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/bail-cancellations", CancelBailRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/releases-under-investigation", ReleaseSuspectUnderInvestigationRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/no-further-action", TakeNoFurtherActionRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/out-of-court-disposals", GiveOutOfCourtDisposalRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/police-charges", ChargeSuspectRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/cps-referrals", SendFileToCpsRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/charging-decisions", RecordChargingDecisionRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/discontinuance", DiscontinueProsecutionRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "hearings", ListHearingRequest.class, (caseId, path, body) -> body.toCommand(caseId));
        add(routes, "witness-care-receipts", RecordWitnessCareReceiptRequest.class, (caseId, path, body) -> body.toCommand(caseId));
        add(routes, "hearings/{hearingId}/outcomes", RecordHearingOutcomeRequest.class, (caseId, path, body) -> body.toCommand(caseId, new HearingId(path.get("hearingId"))));
        add(routes, "suspects/{suspectId}/verdicts", RecordVerdictRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/sentences", RecordSentenceRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/restorative-justice-steps", RecordRestorativeJusticeStepRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "victims/{victimId}/needs-assessments", RecordNeedsAssessmentRequest.class, (caseId, path, body) -> body.toCommand(caseId, new PersonId(path.get("victimId"))));
        add(routes, "victims/{victimId}/persistent-targeting", RecordPersistentTargetingRequest.class, (caseId, path, body) -> body.toCommand(caseId, new PersonId(path.get("victimId"))));
        add(routes, "victims/{victimId}/enhanced-rights-by-discretion", GrantEnhancedRightsByDiscretionRequest.class, (caseId, path, body) -> body.toCommand(caseId, new PersonId(path.get("victimId"))));
        add(routes, "victims/{victimId}/contact-preferences", SetContactPreferencesRequest.class, (caseId, path, body) -> body.toCommand(caseId, new PersonId(path.get("victimId"))));
        add(routes, "victims/{victimId}/support-referrals", RecordSupportReferralRequest.class, (caseId, path, body) -> body.toCommand(caseId, new PersonId(path.get("victimId"))));
        add(routes, "victims/{victimId}/equality-data", RecordEqualityDataRequest.class, (caseId, path, body) -> body.toCommand(caseId, new PersonId(path.get("victimId"))));
        add(routes, "victims/{victimId}/personal-statement-steps", RecordVictimPersonalStatementRequest.class, (caseId, path, body) -> body.toCommand(caseId, new PersonId(path.get("victimId"))));
        add(routes, "victims/{victimId}/victim-contact-scheme-steps", RecordVictimContactSchemeRequest.class, (caseId, path, body) -> body.toCommand(caseId, new PersonId(path.get("victimId"))));
        add(routes, "victims/{victimId}/complaints/{complaintId}/responses", RecordComplaintResponseRequest.class, (caseId, path, body) -> body.toCommand(caseId, new PersonId(path.get("victimId")), path.get("complaintId")));
        add(routes, "suspects/{suspectId}/charge-changes", ChangeChargeSubstantiallyRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/no-evidence-offered", OfferNoEvidenceRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/review-requests", RequestDecisionReviewRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/review-decisions", RecordReviewDecisionRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/appeals", LodgeAppealRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        add(routes, "suspects/{suspectId}/appeal-decisions", DecideAppealRequest.class, (caseId, path, body) -> body.toCommand(caseId, new SuspectId(path.get("suspectId"))));
        return routes;
    }
}
