package uk.london.victims.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import uk.london.victims.application.store.StoreProperties;

/** Tells whoever started the service where to point a browser, and which store it is using. */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final StoreProperties store;

    StartupBanner(StoreProperties store) {
        this.store = store;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String where = store.embedded()
                ? "the embedded store in " + store.dataDirectory().toAbsolutePath().normalize()
                : "MongoDB at MONGODB_URI";
        // One line, so that it stays one record in JSON logs and one match for a log search.
        log.info("London victim journey tracker is running on {}: open http://localhost:{}/ in a browser"
                 + " (health: http://localhost:{}/actuator/health)", where, event.getWebServer().getPort(),
                event.getWebServer().getPort());
    }
}
