package uk.london.victims.application.notifications;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How victims are told there is an update.
 *
 * @param apiKey          GOV.UK Notify API key; empty keeps every message in the local outbox (demo, tests)
 * @param baseUrl         Notify's base URL (empty: Notify's own), for a proxy or a test double
 * @param emailTemplateId Notify template for the update notice by email
 * @param smsTemplateId   Notify template for the update notice by text message
 * @param quietFrom       start of quiet hours, Europe/London: no text messages from then...
 * @param quietUntil      ...until then
 * @param maxAttempts     tries before a failure is recorded as permanent
 * @param dispatchEvery   how often waiting messages are sent
 */
@ConfigurationProperties("vjt.notify")
public record NotifyProperties(String apiKey, String baseUrl, String emailTemplateId, String smsTemplateId,
                               @DefaultValue("21:00") LocalTime quietFrom, @DefaultValue("08:00") LocalTime quietUntil,
                               @DefaultValue("5") int maxAttempts, @DefaultValue("5s") Duration dispatchEvery) {

    public boolean notifyConfigured() {
        return apiKey != null && !apiKey.isBlank();
    }
}
