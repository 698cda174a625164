package uk.london.victims.web.portal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import uk.london.victims.application.audit.AuditLog;
import uk.london.victims.application.notifications.OneTimeCodes;
import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.projections.casesummary.CaseSummaryView;
import uk.london.victims.projections.casesummary.FindCasesQuery;
import uk.london.victims.projections.portal.FindPortalAccessQuery;
import uk.london.victims.projections.portal.PortalAccessView;

/**
 * Signing in with a crime reference and a one-time code. Every answer a caller can see is the same
 * whether or not the reference exists, so it cannot be used to find cases. Guessing is limited three
 * ways: each client is throttled (429), each client is locked out of a reference after a few wrong
 * codes, and a reference gets only a few codes an hour. Nothing here locks the victim out for long:
 * other people's wrong guesses lock out only their own client, and every code sent goes to the victim.
 * All state is in MongoDB, keyed by {@code _id}, so several instances share it.
 */
@Component
class PortalSignIn {

    static final String CODES = "portal_codes";
    static final String THROTTLE = "portal_throttle";
    static final String SIGN_OUTS = "portal_sign_outs";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    sealed interface Outcome {
    }

    /** The same for a reference that exists and one that does not. */
    record CodeRequested() implements Outcome {
    }

    record Throttled(Duration retryAfter) implements Outcome {
    }

    record SignedIn(PortalIdentity identity) implements Outcome {
    }

    /** Wrong, expired or used code, unknown reference, locked out, consent withdrawn: one answer for all. */
    record Refused() implements Outcome {
    }

    private final MongoCollection<Document> codes;
    private final MongoCollection<Document> throttle;
    private final MongoCollection<Document> signOuts;
    private final QueryGateway queries;
    private final PersonalDataVault vault;
    private final OneTimeCodes sender;
    private final AuditLog audit;
    private final PortalProperties limits;
    private final Clock clock;

    PortalSignIn(MongoDatabase database, QueryGateway queries, PersonalDataVault vault, OneTimeCodes sender, AuditLog audit,
                 PortalProperties limits, Clock clock) {
        this.codes = database.getCollection(CODES);
        this.throttle = database.getCollection(THROTTLE);
        this.signOuts = database.getCollection(SIGN_OUTS);
        this.queries = queries;
        this.vault = vault;
        this.sender = sender;
        this.audit = audit;
        this.limits = limits;
        this.clock = clock;
    }

    static String normalise(String reference) {
        return reference == null ? "" : reference.strip().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    Outcome requestCode(String rawReference, String client) {
        Optional<Duration> wait = overLimit(client);
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        String reference = normalise(rawReference);
        caseFor(reference).flatMap(this::access).ifPresent(access -> sendCodes(reference, access));
        return new CodeRequested();
    }

    Outcome verify(String rawReference, String code, String client) {
        Optional<Duration> wait = overLimit(client);
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        String reference = normalise(rawReference);
        String lockKey = "lock:" + reference + ":" + client;
        Instant now = clock.instant();
        Document lock = throttle.find(eq("_id", lockKey)).first();
        if (lock != null && lock.getDate("lockedUntil") != null && lock.getDate("lockedUntil").toInstant().isAfter(now)) {
            // Not counted: a lock is never extended by attempts made during it.
            return new Refused();
        }
        Optional<Document> match = code == null || !code.strip().matches("\\d{6}") ? Optional.empty() : useCode(reference, code.strip(), now);
        if (match.isEmpty()) {
            recordFailure(lockKey, reference, client, now);
            return new Refused();
        }
        Document used = match.get();
        String caseId = used.getString("caseId");
        String personId = used.getString("personId");
        // Consent is checked again now: it may have been withdrawn after the code was sent.
        Optional<PortalAccessView.Person> person = access(caseId).flatMap(access -> access.people().stream()
                .filter(p -> p.personId().equals(personId)).findFirst()).filter(PortalAccessView.Person::consent);
        if (person.isEmpty()) {
            audit.record(personId, "PORTAL", "portal-sign-in-refused", caseId, "consent not recorded");
            return new Refused();
        }
        throttle.deleteOne(eq("_id", lockKey));
        audit.record(personId, "PORTAL", "portal-signed-in", caseId, "victim portal");
        return new SignedIn(new PortalIdentity(caseId, personId, person.get().actsFor(), person.get().delegate(), now));
    }

    /** Ends every session this person has, on every device and instance: sessions signed in before now stop. */
    void signOutEverywhere(PortalIdentity identity) {
        signOuts.replaceOne(eq("_id", identity.personId()), new Document("_id", identity.personId())
                .append("at", Date.from(clock.instant())), new ReplaceOptions().upsert(true));
        audit.record(identity.personId(), "PORTAL", "portal-signed-out-everywhere", identity.caseId(), "victim portal");
    }

    /**
     * Whether a session is still good: not older than its lifetime, not signed out everywhere since, and
     * neither the person nor the victim they act for erased (an erased victim's sessions end at once).
     */
    boolean stillValid(PortalIdentity identity) {
        if (identity.signedInAt().plus(limits.sessionLifetime()).isBefore(clock.instant())) {
            return false;
        }
        if (vault.isErased(new PersonId(identity.personId()))
            || !identity.victimId().equals(identity.personId()) && vault.isErased(new PersonId(identity.victimId()))) {
            return false;
        }
        Document signedOut = signOuts.find(eq("_id", identity.personId())).first();
        return signedOut == null || signedOut.getDate("at").toInstant().isBefore(identity.signedInAt());
    }

    private Optional<String> caseFor(String reference) {
        if (reference.isEmpty() || reference.length() > 40) {
            return Optional.empty();
        }
        List<CaseSummaryView> cases = queries.query(new FindCasesQuery(reference, null, null, null, 2),
                ResponseTypes.multipleInstancesOf(CaseSummaryView.class)).join();
        return cases.size() == 1 ? Optional.of(cases.get(0).caseId()) : Optional.empty();
    }

    private Optional<PortalAccessView> access(String caseId) {
        return queries.query(new FindPortalAccessQuery(caseId), ResponseTypes.optionalInstanceOf(PortalAccessView.class)).join();
    }

    private void sendCodes(String reference, PortalAccessView access) {
        Instant now = clock.instant();
        Document state = Optional.ofNullable(codes.find(eq("_id", reference)).first()).orElse(new Document("_id", reference));
        List<Date> sends = new ArrayList<>(state.getList("sends", Date.class, List.of()).stream()
                .filter(sent -> sent.toInstant().isAfter(now.minus(Duration.ofHours(1)))).toList());
        if (sends.size() >= limits.sendsPerHour()) {
            audit.record("portal", "PORTAL", "portal-code-not-sent", access.caseId(), "hourly limit for the reference reached");
            return;
        }
        List<Document> live = new ArrayList<>(state.getList("codes", Document.class, List.of()).stream()
                .filter(c -> c.getDate("expiresAt").toInstant().isAfter(now)).toList());
        boolean sentAny = false;
        for (PortalAccessView.Person person : access.people()) {
            if (!person.consent()) {
                continue;
            }
            Optional<Contact> contact = contact(person, access.caseId());
            if (contact.isEmpty()) {
                continue;
            }
            String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
            byte[] saltBytes = new byte[16];
            RANDOM.nextBytes(saltBytes);
            String salt = HexFormat.of().formatHex(saltBytes);
            live.add(new Document("hash", hash(salt, code)).append("salt", salt).append("personId", person.personId())
                    .append("caseId", access.caseId()).append("expiresAt", Date.from(now.plus(limits.codeLifetime()))));
            sentAny |= sender.send(access.caseId(), person.personId(), contact.get().channel(), contact.get().address(), code,
                    (int) limits.codeLifetime().toMinutes());
        }
        while (live.size() > limits.liveCodes() * Math.max(1, access.people().size())) {
            live.remove(0);
        }
        if (sentAny) {
            sends.add(Date.from(now));
        }
        codes.replaceOne(eq("_id", reference), state.append("codes", live).append("sends", sends), new ReplaceOptions().upsert(true));
    }

    private record Contact(ContactChannel channel, String address) {
    }

    /** A text if the person has a mobile number and text is safe, else an email if that is safe. */
    private Optional<Contact> contact(PortalAccessView.Person person, String caseId) {
        Optional<JsonNode> details = vault.open(person.contactDetails()).flatMap(PortalSignIn::json);
        audit.record("portal", "PORTAL", "read-contact-details", caseId, "send a sign-in code to " + person.personId());
        if (details.isEmpty()) {
            return Optional.empty();
        }
        String phone = text(details.get(), "phone");
        if (phone != null && !person.unsafe().contains(ContactChannel.SMS.name())) {
            return Optional.of(new Contact(ContactChannel.SMS, phone));
        }
        String email = text(details.get(), "email");
        if (email != null && !person.unsafe().contains(ContactChannel.EMAIL.name())) {
            return Optional.of(new Contact(ContactChannel.EMAIL, email));
        }
        return Optional.empty();
    }

    /** Takes the matching code away so it cannot be used twice, even by two requests at once. */
    private Optional<Document> useCode(String reference, String code, Instant now) {
        Document state = codes.find(eq("_id", reference)).first();
        if (state == null) {
            return Optional.empty();
        }
        for (Document candidate : state.getList("codes", Document.class, List.of())) {
            boolean matches = MessageDigest.isEqual(hash(candidate.getString("salt"), code).getBytes(StandardCharsets.UTF_8),
                    candidate.getString("hash").getBytes(StandardCharsets.UTF_8));
            if (matches && candidate.getDate("expiresAt").toInstant().isAfter(now)) {
                long removed = codes.updateOne(eq("_id", reference),
                        Updates.pull("codes", new Document("hash", candidate.getString("hash")))).getModifiedCount();
                return removed == 1 ? Optional.of(candidate) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void recordFailure(String lockKey, String reference, String client, Instant now) {
        Document failures = throttle.findOneAndUpdate(eq("_id", lockKey), Updates.inc("failures", 1),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        if (failures != null && failures.getInteger("failures", 0) >= limits.failuresBeforeLock()) {
            throttle.replaceOne(eq("_id", lockKey), new Document("_id", lockKey).append("failures", 0)
                    .append("lockedUntil", Date.from(now.plus(limits.lockout()))), new ReplaceOptions().upsert(true));
            audit.record(client, "PORTAL", "portal-reference-locked", reference, "repeated wrong codes from one client");
        }
    }

    /** A fixed window per client; the answer says how long to wait when it is used up. */
    private Optional<Duration> overLimit(String client) {
        Instant now = clock.instant();
        String key = "client:" + client;
        Document window = throttle.findOneAndUpdate(and(eq("_id", key), gt("windowStart", Date.from(now.minus(limits.clientWindow())))),
                Updates.inc("count", 1), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (window == null) {
            throttle.replaceOne(eq("_id", key), new Document("_id", key).append("windowStart", Date.from(now)).append("count", 1),
                    new ReplaceOptions().upsert(true));
            return Optional.empty();
        }
        if (window.getInteger("count", 0) > limits.clientAttempts()) {
            Duration wait = Duration.between(now, window.getDate("windowStart").toInstant().plus(limits.clientWindow()));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
        return Optional.empty();
    }

    private static String hash(String salt, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((salt + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<JsonNode> json(String text) {
        try {
            return Optional.of(JSON.readTree(text));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
