package uk.london.victims.application.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import uk.london.victims.domain.cases.ContactChannel;

/** The GOV.UK Notify client against a stand-in Notify on loopback: what is sent, and how failures are read. */
class NotifySenderTest {

    private HttpServer notify;
    private final List<String> requests = new ArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(201);

    @BeforeEach
    void startNotify() throws IOException {
        notify = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notify.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath() + " " + new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            String body = answer.get() == 201
                    ? "{\"id\":\"" + UUID.randomUUID() + "\",\"reference\":\"r\",\"content\":{\"body\":\"b\",\"subject\":\"s\","
                      + "\"from_email\":\"f@example.invalid\",\"from_number\":\"GOVUK\"},\"template\":{\"id\":\"" + UUID.randomUUID()
                      + "\",\"version\":1,\"uri\":\"http://x/t\"}}"
                    : "{\"status_code\":" + answer.get() + ",\"errors\":[{\"error\":\"BadRequestError\",\"message\":\"no\"}]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        notify.start();
    }

    @AfterEach
    void stopNotify() {
        notify.stop(0);
    }

    private NotifySender sender() {
        String key = "test_key-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        return new NotifySender(new NotifyProperties(key, "http://127.0.0.1:" + notify.getAddress().getPort(),
                "email-template", "sms-template", LocalTime.of(21, 0), LocalTime.of(8, 0), 5, Duration.ofSeconds(5)));
    }

    private static OutboxMessage message(ContactChannel channel) {
        return new OutboxMessage("evt-1:V1:" + channel, "case-1", "V1", 7, channel, VictimNotifications.NOTICE,
                Instant.now(), Instant.now(), 0, Outbox.Status.PENDING);
    }

    @Test
    void anEmailCarriesOnlyTheNoticeAndItsReference() throws Exception {
        assertThat(sender().send(message(ContactChannel.EMAIL), "victim@example.invalid")).isEqualTo(Outbox.Status.SENT);

        assertThat(requests).singleElement().satisfies(request -> assertThat(request)
                .startsWith("/v2/notifications/email ")
                .contains("victim@example.invalid", "email-template", "evt-1:V1:EMAIL", VictimNotifications.NOTICE));
    }

    @Test
    void aTextGoesToTheSmsTemplate() throws Exception {
        sender().send(message(ContactChannel.SMS), "07700900001");
        assertThat(requests).singleElement().satisfies(request -> assertThat(request)
                .startsWith("/v2/notifications/sms ").contains("sms-template", "07700900001"));
    }

    @Test
    void aRefusalIsPermanentAndAnOutageIsRetried() {
        answer.set(400);
        assertThatThrownBy(() -> sender().send(message(ContactChannel.EMAIL), "victim@example.invalid"))
                .isInstanceOfSatisfying(MessageSender.DeliveryFailure.class, failure -> assertThat(failure.permanent()).isTrue());
        answer.set(503);
        assertThatThrownBy(() -> sender().send(message(ContactChannel.EMAIL), "victim@example.invalid"))
                .isInstanceOfSatisfying(MessageSender.DeliveryFailure.class, failure -> assertThat(failure.permanent()).isFalse());
    }
}
