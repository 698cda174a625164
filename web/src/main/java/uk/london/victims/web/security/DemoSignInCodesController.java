package uk.london.victims.web.security;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.application.notifications.Outbox;

/**
 * {@code GET /demo/sign-in-codes?caseId=…}: the sign-in codes in the local outbox for a demo case, so the
 * README's portal walk-through works without a phone. Staff views never show a code (issue 12, item 8);
 * this exists only in {@link DemoMode}, where anyone who can reach the port may be anyone anyway.
 */
@RestController
@Conditional(DemoMode.class)
class DemoSignInCodesController {

    static final String PATH = "/demo/sign-in-codes";

    private final Outbox outbox;

    DemoSignInCodesController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping(PATH)
    Mono<List<Map<String, Object>>> codes(@RequestParam String caseId) {
        return Mono.fromCallable(() -> outbox.forCase(caseId).stream()
                        .filter(message -> "SIGN_IN_CODE".equals(message.get("kind"))
                                && Outbox.Status.LOCAL_OUTBOX.name().equals(message.get("status")))
                        .map(message -> Map.<String, Object>of("queuedAt", String.valueOf(message.get("queuedAt")),
                                "text", String.valueOf(message.get("text"))))
                        .toList())
                .subscribeOn(Schedulers.boundedElastic());
    }
}
