package uk.london.victims.application.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.london.victims.application.axon.ReadModelReplay;
import uk.london.victims.application.metrics.ServiceMeters;
import uk.london.victims.application.store.MongoEventStorageEngine;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.cases.victims.RecordVictimInformedCommand;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.domain.people.Sealed;

/**
 * Sends the messages that are due, and records each delivery on the case as the evidence the Code asks
 * for ("victim informed", linked to the event it was about). Failures are retried with back-off and,
 * when they cannot succeed, recorded as FAILED: a message is never dropped silently. The evidence is
 * recorded with the message id as idempotency key, so a retry after a crash records it once.
 */
@Component
public class NotificationDispatcher {

    static final String SENDER = "Notification service";
    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Outbox outbox;
    private final MessageSender sender;
    private final CommandGateway commands;
    private final PersonalDataVault vault;
    private final VictimAddresses addresses;
    private final NotifyProperties properties;
    private final Clock clock;
    private final ReadModelReplay replay;

    NotificationDispatcher(Outbox outbox, MessageSender sender, CommandGateway commands, PersonalDataVault vault,
                           VictimAddresses addresses, NotifyProperties properties, Clock clock, ReadModelReplay replay) {
        this.outbox = outbox;
        this.sender = sender;
        this.commands = commands;
        this.vault = vault;
        this.addresses = addresses;
        this.properties = properties;
        this.clock = clock;
        this.replay = replay;
    }

    /** Longer than any one delivery can take (Notify's client times out well within it). */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    private static final int EVIDENCE_ATTEMPTS = 5;
    /** Whether the last run found a rebuild under way: its log line is written once, not every run. */
    private volatile boolean waitingForReplay;

    @Scheduled(fixedDelayString = "${vjt.notify.dispatch-every:5s}")
    public void dispatchDue() {
        // While read models are rebuilt, nothing is sent or recorded: the evidence commands would append
        // events mid-replay, and a notice's address comes from a read model that may be half built. Due
        // messages wait in the outbox and go once the replay is done.
        if (replay.inProgress()) {
            // Once per rebuild, not every few seconds while a long one runs.
            if (!waitingForReplay) {
                log.info("Read models are being rebuilt; notices wait until that is done");
                waitingForReplay = true;
            }
            return;
        }
        if (waitingForReplay) {
            log.info("Read models rebuilt; notices go out again");
            waitingForReplay = false;
        }
        for (OutboxMessage message : outbox.due(clock.instant())) {
            if (replay.inProgress()) {
                return;
            }
            // Every instance runs this schedule over the same outbox: without the claim two would send
            // the same notice.
            Instant now = clock.instant();
            if (!outbox.claim(message.id(), now, now.plus(CLAIM_LEASE))) {
                continue;
            }
            try {
                dispatch(message);
            } catch (RuntimeException e) {
                // One message's trouble must not hold up the others; its lease makes it due again.
                log.error("Message {} to a victim on case {} could not be dispatched", message.id(), message.caseId(), e);
            }
        }
    }

    private void dispatch(OutboxMessage message) {
        int attempt = message.attempts() + 1;
        try {
            String address = address(message).orElseThrow(() -> new MessageSender.DeliveryFailure(
                    "The victim has no " + (message.channel() == ContactChannel.EMAIL ? "email address" : "mobile number")
                    + " on record, or their details were erased", true));
            Outbox.Status status = sender.send(message, address);
            Instant deliveredAt = clock.instant();
            outbox.delivered(message.id(), status, deliveredAt);
            ServiceMeters.notificationDelivered(message.channel().name());
            recordEvidence(message, deliveredAt);
        } catch (MessageSender.DeliveryFailure failure) {
            boolean finalFailure = failure.permanent() || attempt >= properties.maxAttempts();
            ServiceMeters.notificationFailed(message.channel().name(), finalFailure);
            if (finalFailure) {
                log.warn("Message {} to a victim on case {} failed for good: {}", message.id(), message.caseId(), failure.getMessage());
                outbox.failed(message.id(), attempt, failure.getMessage());
            } else {
                Duration backOff = Duration.ofMinutes(1L << Math.min(attempt, 6));
                outbox.retryLater(message.id(), attempt, clock.instant().plus(backOff), failure.getMessage());
            }
        }
    }

    private void recordEvidence(OutboxMessage message, Instant deliveredAt) {
        RecordVictimInformedCommand command = new RecordVictimInformedCommand(new CaseId(message.caseId()),
                new PersonId(message.victimId()), message.aboutSequence(), "Update notice: sign in to see it",
                message.channel(), SENDER, deliveredAt);
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                        MongoEventStorageEngine.IDEMPOTENCY_KEY, "notification/" + message.id())));
                return;
            } catch (ConcurrencyException raced) {
                // Another command on the case (perhaps through another instance, whose change this
                // instance's cached case had not seen) got there first. The notice has gone, so its
                // evidence must be recorded: try again on the fresh case; the idempotency key keeps it once.
                if (attempt >= EVIDENCE_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private Optional<String> address(OutboxMessage message) {
        return addresses.sealedDetails(message.caseId(), message.victimId())
                .flatMap(vault::open)
                .flatMap(details -> field(details, message.channel() == ContactChannel.EMAIL ? "email" : "phone"));
    }

    private static Optional<String> field(String json, String name) {
        try {
            JsonNode value = JSON.readTree(json).get(name);
            return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** Where the sealed contact details of a victim are kept for the notifier (its own small read model). */
    interface VictimAddresses {
        Optional<Sealed> sealedDetails(String caseId, String victimId);
    }
}
