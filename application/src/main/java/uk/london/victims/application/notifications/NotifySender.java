package uk.london.victims.application.notifications;

import java.util.Map;

import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.london.victims.domain.cases.ContactChannel;

/** GOV.UK Notify, through its own Java client. The message id is the reference, so Notify can trace it. */
final class NotifySender implements MessageSender {

    private final NotificationClient client;
    private final NotifyProperties properties;

    NotifySender(NotifyProperties properties) {
        this.properties = properties;
        this.client = properties.baseUrl() == null || properties.baseUrl().isBlank()
                ? new NotificationClient(properties.apiKey())
                : new NotificationClient(properties.apiKey(), properties.baseUrl());
    }

    @Override
    public Outbox.Status send(OutboxMessage message, String address) throws DeliveryFailure {
        Map<String, String> personalisation = Map.of("message", message.text());
        try {
            if (message.channel() == ContactChannel.EMAIL) {
                client.sendEmail(properties.emailTemplateId(), address, personalisation, message.id());
            } else {
                client.sendSms(properties.smsTemplateId(), address, personalisation, message.id());
            }
            return Outbox.Status.SENT;
        } catch (NotificationClientException e) {
            // Notify answers 400 and 403 for requests that will never succeed; 429 and 5xx may pass later.
            int status = e.getHttpResult();
            boolean permanent = status == 400 || status == 403;
            throw new DeliveryFailure("GOV.UK Notify answered " + status, permanent);
        }
    }
}
