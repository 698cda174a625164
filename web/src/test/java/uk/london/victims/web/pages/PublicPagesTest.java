package uk.london.victims.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

@AutoConfigureWebTestClient
class PublicPagesTest extends PagesOnEmbeddedStore {

    @Autowired
    WebTestClient http;

    @Test
    void pagesForbidInlineScriptAndFramingAndSendNoReferrer() {
        http.get().uri("/").exchange().expectStatus().isOk()
            .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                    .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"))
            .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
            .expectBody(String.class).value(html -> assertThat(html)
                    .contains("Track my case", "/govuk/govuk-frontend.min.css")
                    .doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|style=\""));
    }

    @Test
    void govukFrontendIsServedFromItsWebJarWithItsFontsWhereItsCssLooksForThem() {
        // The stylesheet is bigger than the service's 64 KB request-body limit, which the test client shares.
        http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(1 << 20)).build()
            .get().uri("/govuk/govuk-frontend.min.css").exchange().expectStatus().isOk()
            .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("max-age"))
            .expectBody(String.class).value(css -> assertThat(css).contains("/assets/fonts/"));
        http.get().uri("/assets/fonts/bold-b542beb274-v2.woff2").exchange().expectStatus().isOk();
        http.get().uri("/govuk/govuk-frontend.min.js").exchange().expectStatus().isOk();
        http.get().uri("/static/js/site.js").exchange().expectStatus().isOk();
    }

    @Test
    void theWebJarIsNotBrowsableBeyondWhatThePagesUse() {
        http.get().uri("/govuk/components/header/template-default.html").exchange().expectStatus().isNotFound();
    }

    @Test
    void publicPagesPassAxeInARealBrowser() {
        try (Browser browser = Browser.start(true)) {
            for (String path : new String[] {"/", "/accessibility", "/privacy"}) {
                browser.driver.get(url(path));
                assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isNotBlank();
                browser.assertAccessible();
            }
        }
    }
}
