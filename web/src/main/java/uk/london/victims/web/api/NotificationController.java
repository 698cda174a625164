package uk.london.victims.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.application.notifications.Outbox;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.web.security.AnyAgencyRole;

/**
 * The notices sent to a case's victims and where each stands (queued, sent, in the local outbox, failed),
 * so staff can see a failed message and phone instead. No addresses: those stay sealed in the case. Each
 * read is audited with its purpose, like any read of a victim's record.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/notifications")
@AnyAgencyRole
class NotificationController {

    /** What staff see instead of a sign-in code's text. */
    static final String CODE_WITHHELD = "[sign-in code withheld]";

    private final VisibleCases visibleCases;
    private final Outbox outbox;
    private final AuditedReads audited;

    NotificationController(VisibleCases visibleCases, Outbox outbox, AuditedReads audited) {
        this.visibleCases = visibleCases;
        this.outbox = outbox;
        this.audited = audited;
    }

    @GetMapping
    @Operation(summary = "Notices to the case's victims, newest first, with their delivery status",
            description = "The text of a portal sign-in code is never shown: with it, anyone on staff could sign in as the victim.")
    Mono<List<Map<String, Object>>> notifications(@PathVariable String caseId,
                                                  @Parameter(description = AuditedReads.PURPOSE_DESCRIPTION, required = true)
                                                  @RequestHeader(name = AuditedReads.PURPOSE, required = false) String purpose) {
        CaseId id = new CaseId(caseId);
        return AuditedReads.purpose(purpose).flatMap(why -> visibleCases.require(id)
                        .flatMap(visible -> audited.record("read-notifications", id, why).thenReturn(visible)))
                .flatMap(visible -> Mono.fromCallable(() -> outbox.forCase(id.value()).stream()
                        .map(NotificationController::staffView).toList()).subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * A notice as staff may see it. Sign-in codes are withheld everywhere, the demo included (issue 12,
     * item 8): a staff view is the wrong place for a credential, and the demo has its own way to the code.
     */
    static Map<String, Object> staffView(Map<String, Object> message) {
        Map<String, Object> view = new LinkedHashMap<>(message);
        view.put("id", view.remove("_id"));
        if ("SIGN_IN_CODE".equals(view.get("kind"))) {
            view.put("text", CODE_WITHHELD);
        }
        return view;
    }
}
