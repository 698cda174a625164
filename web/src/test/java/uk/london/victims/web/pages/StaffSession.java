package uk.london.victims.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** A browser's session with the staff pages, kept by hand: the test client keeps no cookies. */
record StaffSession(String cookie, String csrf) {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Opens the sign-in page, as a browser would before posting it. */
    static StaffSession fresh(WebTestClient http) {
        var result = http.get().uri("/staff/sign-in").exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        ResponseCookie session = result.getResponseCookies().getFirst("SESSION");
        assertThat(session).as("the sign-in page starts a session for its CSRF token").isNotNull();
        return new StaffSession(session.getValue(), csrfIn(result.getResponseBody()));
    }

    static String csrfIn(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the form").isTrue();
        return matcher.group(1);
    }

    /** Signs in with the demo form; the session that comes back is the new one. */
    static StaffSession signIn(WebTestClient http, String role) {
        StaffSession before = fresh(http);
        var result = http.post().uri("/staff/sign-in").cookie("SESSION", before.cookie())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("role", role).with("_csrf", before.csrf()))
                .exchange().expectStatus().is3xxRedirection().expectBody().returnResult();
        ResponseCookie renewed = result.getResponseCookies().getFirst("SESSION");
        assertThat(renewed).as("signing in sets a session cookie").isNotNull();
        String page = http.get().uri("/review").cookie("SESSION", renewed.getValue()).exchange()
                          .expectBody(String.class).returnResult().getResponseBody();
        return new StaffSession(renewed.getValue(), page == null || !page.contains("_csrf") ? null : csrfIn(page));
    }

    WebTestClient.RequestHeadersSpec<?> get(WebTestClient http, String uri) {
        return http.get().uri(uri).cookie("SESSION", cookie);
    }
}
