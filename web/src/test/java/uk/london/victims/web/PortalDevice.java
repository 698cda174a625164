package uk.london.victims.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A victim's browser on the portal, talking to whichever instance it is pointed at: it keeps its session
 * cookie and the CSRF token from the last form, as a browser behind a load balancer without sticky
 * sessions would.
 */
final class PortalDevice {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]*)");
    private static final Pattern CODE = Pattern.compile("is (\\d{6})\\.");

    private final HttpClient http;
    String session;
    private String csrf;

    PortalDevice(HttpClient http) {
        this.http = http;
    }

    /** Signs in on {@code service} with a fresh code, sent to the stand-in Notify's list of codes. */
    void signIn(ServiceProcess service, String reference, List<String> codesSent) {
        get(service, "/track/sign-in");
        int before = codesSent.size();
        assertThat(post(service, "/track/sign-in", Map.of("reference", reference)).statusCode()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(30)).until(() -> codesSent.size() > before);
        Matcher code = CODE.matcher(codesSent.get(codesSent.size() - 1));
        assertThat(code.find()).isTrue();
        get(service, "/track/code");
        HttpResponse<String> in = post(service, "/track/code", Map.of("code", code.group(1)));
        assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).hasValue("/track");
    }

    HttpResponse<String> get(ServiceProcess service, String path) {
        return send(HttpRequest.newBuilder(service.uri(path)).GET());
    }

    HttpResponse<String> post(ServiceProcess service, String path, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(service.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Opens the live updates stream; its lines arrive as the service sends them. */
    HttpResponse<java.util.stream.Stream<String>> updates(ServiceProcess service, long since) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri("/track/updates?since=" + since))
                .header("Accept", "text/event-stream");
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                Matcher value = SESSION.matcher(cookie);
                if (value.lookingAt()) {
                    session = value.group(1).isEmpty() || cookie.contains("Max-Age=0") ? null : value.group(1);
                }
            }
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
