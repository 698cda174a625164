package uk.london.victims.web.portal;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.reactive.result.view.Rendering;

import reactor.core.publisher.Mono;

/** Small things every portal controller needs. */
final class PortalPages {

    private PortalPages() {
    }

    static Rendering.Builder<?> view(String name) {
        return Rendering.view(name);
    }

    /** The signed-in person; empty before sign-in. Never taken from the request. */
    static Mono<PortalIdentity> identity() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .filter(PortalAuthentication.class::isInstance)
                .map(authentication -> ((PortalAuthentication) authentication).getPrincipal());
    }
}
