package uk.london.victims.web.pages;

import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import uk.london.victims.application.store.StoreProperties;
import uk.london.victims.web.security.DemoMode;

/**
 * What every page's layout needs. The CSRF token is resolved here because WebFlux keeps it lazy, and a
 * form rendered without it would be refused when posted.
 */
@ControllerAdvice(basePackages = {"uk.london.victims.web.pages", "uk.london.victims.web.portal"})
class PageDefaults {

    private final boolean demo;
    private final boolean demoCodes;

    PageDefaults(StoreProperties store, Environment environment) {
        this.demo = store.embedded();
        // The "Show my code" page exists only in demo mode; the embedded store alone does not make a demo.
        this.demoCodes = DemoMode.on(environment);
    }

    @ModelAttribute
    void defaults(org.springframework.ui.Model model) {
        model.addAttribute("demoBanner", demo);
        model.addAttribute("demoCodes", demoCodes);
        model.addAttribute("navigation", List.of());
    }

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }
}
