package uk.london.victims.application.notifications;

import static com.mongodb.client.model.Filters.eq;

import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.mongodb.client.MongoDatabase;

import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/** GOV.UK Notify when a key is configured; otherwise the local outbox, which the README shows how to read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
@EnableScheduling
public class NotificationsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationsConfiguration.class);

    @Bean
    MessageSender messageSender(NotifyProperties properties) {
        if (properties.notifyConfigured()) {
            log.info("Victim notices go through GOV.UK Notify");
            return new NotifySender(properties);
        }
        log.info("No VJT_NOTIFY_API_KEY: victim notices stay in the local outbox (collection {})", Outbox.COLLECTION);
        return (message, address) -> Outbox.Status.LOCAL_OUTBOX;
    }

    @Bean
    NotificationDispatcher.VictimAddresses victimAddresses(MongoDatabase database) {
        return (caseId, victimId) -> Optional.ofNullable(database.getCollection(VictimNotifications.CONTACTS)
                        .find(eq("_id", caseId)).first())
                .map(state -> state.get("victims", Document.class).get(victimId, Document.class))
                .map(victim -> new Sealed(new PersonId(victim.getString("sealedFor")), victim.getString("ciphertext")));
    }
}
