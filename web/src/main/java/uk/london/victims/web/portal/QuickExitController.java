package uk.london.victims.web.portal;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * "Exit this page": someone may be watching, so leaving also ends the session here, at once. A plain
 * link (it must work without JavaScript and from the keyboard shortcut), so a GET; all it can do to
 * anyone is sign them out. The neutral site is configured, never taken from the request, so this is
 * no open redirect. Clear-Site-Data asks the browser to drop this site's cookies and cached pages too,
 * so the back button and the cookie jar show less of the visit.
 */
@Controller
class QuickExitController {

    static final String PATH = "/track/exit";

    private final URI neutralSite;

    QuickExitController(@Value("${vjt.portal.quick-exit-url:https://www.bbc.co.uk/weather}") String neutralSite) {
        this.neutralSite = URI.create(neutralSite);
    }

    @GetMapping(PATH)
    Mono<ResponseEntity<Void>> exit(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(WebSession::invalidate)
                .thenReturn(ResponseEntity.status(HttpStatus.SEE_OTHER).location(neutralSite)
                        .header("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"").build());
    }
}
