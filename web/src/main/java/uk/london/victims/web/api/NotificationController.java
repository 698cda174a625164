package uk.london.victims.web.api;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.application.notifications.Outbox;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.web.security.AnyAgencyRole;

/**
 * The notices sent to a case's victims and where each stands (queued, sent, in the local outbox, failed),
 * so staff can see a failed message and phone instead. No addresses: those stay sealed in the case.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/notifications")
@AnyAgencyRole
class NotificationController {

    private final VisibleCases visibleCases;
    private final Outbox outbox;
    /** Sign-in codes are readable here only in the demo: anywhere else staff could use them to sign in as the victim. */
    private final boolean showSignInCodes;

    NotificationController(VisibleCases visibleCases, Outbox outbox, uk.london.victims.application.store.StoreProperties store) {
        this.visibleCases = visibleCases;
        this.outbox = outbox;
        this.showSignInCodes = store.embedded();
    }

    @GetMapping
    @Operation(summary = "Notices to the case's victims, newest first, with their delivery status")
    Mono<List<Map<String, Object>>> notifications(@PathVariable String caseId) {
        CaseId id = new CaseId(caseId);
        return visibleCases.require(id)
                .flatMap(visible -> Mono.fromCallable(() -> outbox.forCase(id.value()).stream()
                        .map(message -> {
                            Map<String, Object> view = new java.util.LinkedHashMap<>(message);
                            view.put("id", view.remove("_id"));
                            if ("SIGN_IN_CODE".equals(view.get("kind")) && !showSignInCodes) {
                                view.put("text", "[sign-in code withheld]");
                            }
                            return view;
                        }).toList()).subscribeOn(Schedulers.boundedElastic()));
    }
}
