package uk.london.victims.web.pages;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.application.notifications.Outbox;
import uk.london.victims.web.DemoData;
import uk.london.victims.web.security.DemoMode;

/**
 * {@code GET /demo/my-code}: on the demo only, the latest sign-in code of a demo crime reference, so someone
 * trying the portal needs no phone and never guesses a code (wrong guesses are what lock a reference). Only the
 * eight demo references are answered; out of demo mode the page does not exist.
 */
@Controller
@Conditional(DemoMode.class)
public class DemoCodePage {

    public static final String PATH = "/demo/my-code";
    private static final Pattern CODE = Pattern.compile("is (\\d{6})\\.");

    private final Outbox outbox;

    DemoCodePage(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping(PATH)
    Mono<Rendering> code(@RequestParam(required = false) String reference, ServerWebExchange exchange) {
        // A code is a secret for ten minutes, demo or not: never kept by a browser or a proxy.
        exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        String asked = reference == null ? "" : reference.strip().toUpperCase(Locale.UK);
        String caseId = DemoData.REFERENCES.get(asked);
        Rendering.Builder<?> page = Rendering.view("demo-code").modelAttribute("reference", asked)
                .modelAttribute("references", DemoData.REFERENCES.keySet().stream().sorted().toList());
        if (caseId == null) {
            return Mono.just(page.modelAttribute("asked", !asked.isEmpty()).modelAttribute("code", null).build());
        }
        return Mono.fromCallable(() -> latestCode(outbox.forCase(caseId)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(code -> page.modelAttribute("asked", true).modelAttribute("code", code.orElse("")).build());
    }

    private static Optional<String> latestCode(List<Document> messages) {
        return messages.stream()
                .filter(message -> "SIGN_IN_CODE".equals(message.get("kind")))
                .reduce((first, second) -> second)
                .map(message -> CODE.matcher(String.valueOf(message.get("text"))))
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1));
    }
}
