package uk.london.victims.web.pages;

import java.util.List;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import uk.london.victims.application.store.StoreProperties;

/**
 * What every page's layout needs. The CSRF token is resolved here because WebFlux keeps it lazy, and a
 * form rendered without it would be refused when posted.
 */
@ControllerAdvice(basePackages = {"uk.london.victims.web.pages", "uk.london.victims.web.portal"})
class PageDefaults {

    private final boolean demo;

    PageDefaults(StoreProperties store) {
        this.demo = store.embedded();
    }

    @ModelAttribute
    void defaults(org.springframework.ui.Model model) {
        model.addAttribute("demoBanner", demo);
        model.addAttribute("navigation", List.of());
    }

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }
}
