package uk.london.victims.web.portal;

import java.net.InetSocketAddress;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.web.session.PlainSecurityContextRepository;

/**
 * Sign in with the crime reference and a code, sign out, sign out everywhere. The reference typed on
 * the first page is kept in the (pre-sign-in) session, never in a URL, so it is not in browser history.
 */
@Controller
class PortalSignInController {

    static final String PENDING_REFERENCE = "portal.pendingReference";
    static final String WRONG_CODE = "The code is not right, or it has expired or been used. Check it, or ask for a new code.";

    private final PortalSignIn signIn;
    private final PortalProperties limits;
    private final PlainSecurityContextRepository sessions;

    PortalSignInController(PortalSignIn signIn, PortalProperties limits, PlainSecurityContextRepository sessions) {
        this.signIn = signIn;
        this.limits = limits;
        this.sessions = sessions;
    }

    @GetMapping(PortalSecurity.SIGN_IN)
    Rendering signInPage() {
        return PortalPages.view("portal/sign-in").build();
    }

    @PostMapping(PortalSecurity.SIGN_IN)
    Mono<Rendering> requestCode(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String reference = Optional.ofNullable(form.getFirst("reference")).orElse("").strip();
            if (reference.isEmpty() || reference.length() > 40) {
                return Mono.just(PortalPages.view("portal/sign-in").modelAttribute("reference", reference)
                        .modelAttribute("error", "Enter your crime reference number, as the police gave it to you")
                        .status(HttpStatus.BAD_REQUEST).build());
            }
            return Mono.fromCallable(() -> signIn.requestCode(reference, client(exchange))).subscribeOn(Schedulers.boundedElastic())
                    .flatMap(outcome -> {
                        if (outcome instanceof PortalSignIn.Throttled throttled) {
                            return Mono.just(tooMany(exchange, throttled));
                        }
                        return exchange.getSession().doOnNext(session -> session.getAttributes().put(PENDING_REFERENCE, reference))
                                .thenReturn(Rendering.redirectTo("/track/code").build());
                    });
        });
    }

    @GetMapping("/track/code")
    Mono<Rendering> codePage(ServerWebExchange exchange) {
        return exchange.getSession().map(session -> session.getAttributes().containsKey(PENDING_REFERENCE)
                ? PortalPages.view("portal/code").build()
                : Rendering.redirectTo(PortalSecurity.SIGN_IN).build());
    }

    @PostMapping("/track/code")
    Mono<Rendering> checkCode(ServerWebExchange exchange) {
        return Mono.zip(exchange.getFormData(), exchange.getSession()).flatMap(both -> {
            WebSession session = both.getT2();
            String reference = (String) session.getAttributes().get(PENDING_REFERENCE);
            if (reference == null) {
                return Mono.just(Rendering.redirectTo(PortalSecurity.SIGN_IN).build());
            }
            String code = Optional.ofNullable(both.getT1().getFirst("code")).orElse("").replaceAll("\\s", "");
            return Mono.fromCallable(() -> signIn.verify(reference, code, client(exchange))).subscribeOn(Schedulers.boundedElastic())
                    .flatMap(outcome -> {
                        if (outcome instanceof PortalSignIn.Throttled throttled) {
                            return Mono.just(tooMany(exchange, throttled));
                        }
                        if (outcome instanceof PortalSignIn.SignedIn signedIn) {
                            // A new session id at sign-in, so an id planted before it (session fixation) is worthless.
                            return session.changeSessionId().then(Mono.defer(() -> {
                                session.getAttributes().remove(PENDING_REFERENCE);
                                session.setMaxIdleTime(limits.idleTimeout());
                                return sessions.save(exchange, new SecurityContextImpl(new PortalAuthentication(signedIn.identity())));
                            })).thenReturn(Rendering.redirectTo("/track").build());
                        }
                        return Mono.just(PortalPages.view("portal/code").modelAttribute("error", WRONG_CODE)
                                .status(HttpStatus.BAD_REQUEST).build());
                    });
        });
    }

    @PostMapping("/track/sign-out")
    Mono<Rendering> signOut(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(WebSession::invalidate).thenReturn(Rendering.redirectTo("/track/signed-out").build());
    }

    @PostMapping("/track/sign-out-everywhere")
    Mono<Rendering> signOutEverywhere(ServerWebExchange exchange) {
        return PortalPages.identity()
                .flatMap(identity -> Mono.fromRunnable(() -> signIn.signOutEverywhere(identity)).subscribeOn(Schedulers.boundedElastic()))
                .then(exchange.getSession().flatMap(WebSession::invalidate))
                .thenReturn(Rendering.redirectTo("/track/signed-out").build());
    }

    @GetMapping("/track/signed-out")
    Rendering signedOut() {
        return PortalPages.view("portal/signed-out").build();
    }

    private static Rendering tooMany(ServerWebExchange exchange, PortalSignIn.Throttled throttled) {
        long minutes = Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60);
        exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
        return PortalPages.view("portal/too-many").modelAttribute("minutes", minutes).status(HttpStatus.TOO_MANY_REQUESTS).build();
    }

    /** The client's address; behind a proxy, name it in VJT_TRUSTED_PROXIES so this is the real one (ADR 0019). */
    static String client(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        // From X-Forwarded-For the address is left unresolved: its text is what identifies the client.
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
