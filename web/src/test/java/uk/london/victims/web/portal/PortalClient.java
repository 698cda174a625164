package uk.london.victims.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A browser as far as the portal can tell: it keeps its session cookie, reads the CSRF token from the
 * forms it is shown, and comes from its own address (X-Forwarded-For), so each test is its own client.
 */
final class PortalClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final WebTestClient http;
    final String address;
    String session;

    PortalClient(WebTestClient http) {
        this(http, "10." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256) + "."
                   + ThreadLocalRandom.current().nextInt(1, 255));
    }

    PortalClient(WebTestClient http, String address) {
        this.http = http;
        this.address = address;
    }

    EntityExchangeResult<String> get(String path) {
        return keep(http.get().uri(path).headers(this::headers).cookies(this::cookies).exchange().expectBody(String.class).returnResult());
    }

    /** Posts a form with the CSRF token from a page that has one. */
    EntityExchangeResult<String> post(String path, Map<String, ?> fields) {
        return postWithToken(path, fields, csrfToken());
    }

    EntityExchangeResult<String> postWithToken(String path, Map<String, ?> fields, String token) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach((name, value) -> {
            if (value instanceof Iterable<?> values) {
                values.forEach(v -> form.add(name, String.valueOf(v)));
            } else {
                form.add(name, String.valueOf(value));
            }
        });
        if (token != null) {
            form.add("_csrf", token);
        }
        return keep(http.post().uri(path).headers(this::headers).cookies(this::cookies).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromFormData(form)).exchange().expectBody(String.class).returnResult());
    }

    String csrfToken() {
        EntityExchangeResult<String> page = get("/track/sign-in");
        Matcher matcher = CSRF.matcher(page.getResponseBody());
        assertThat(matcher.find()).as("a CSRF token on the sign-in form").isTrue();
        return matcher.group(1);
    }

    void headers(HttpHeaders headers) {
        headers.set("X-Forwarded-For", address);
    }

    void cookies(MultiValueMap<String, String> cookies) {
        if (session != null) {
            cookies.set("SESSION", session);
        }
    }

    private EntityExchangeResult<String> keep(EntityExchangeResult<String> result) {
        ResponseCookie cookie = result.getResponseCookies().getFirst("SESSION");
        if (cookie != null) {
            session = cookie.getMaxAge().isZero() ? null : cookie.getValue();
        }
        return result;
    }
}
