package uk.london.victims.web.portal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import reactor.core.scheduler.Schedulers;
import uk.london.victims.application.audit.AuditLog;
import uk.london.victims.application.metrics.ServiceMeters;
import uk.london.victims.application.notifications.OneTimeCodes;
import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.cases.CrimeReferences;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.projections.casesummary.CaseSummaryView;
import uk.london.victims.projections.casesummary.FindCasesQuery;
import uk.london.victims.projections.portal.FindPortalAccessQuery;
import uk.london.victims.projections.portal.PortalAccessView;
import uk.london.victims.web.DemoData;
import uk.london.victims.web.security.DemoMode;

/**
 * Signing in with a crime reference and a one-time code. Every answer a caller can see is the same
 * whether or not the reference exists, so it cannot be used to find cases. Guessing is limited four
 * ways: each client is throttled (429), each client is locked out of a reference after a few wrong
 * codes, a reference's codes are void after a few more tries from anyone (ADR 0019), and a reference gets
 * only a few codes an hour. Nothing here locks the victim out for long: other people's wrong guesses lock
 * out only their own client or void a code, and every fresh code goes to the victim alone.
 * All state is in MongoDB, keyed by {@code _id}, so several instances share it.
 */
@Component
class PortalSignIn {

    static final String CODES = "portal_codes";
    static final String THROTTLE = "portal_throttle";
    static final String SIGN_OUTS = "portal_sign_outs";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(PortalSignIn.class);
    /** Checked against when a reference has fewer codes than usual, so every check hashes alike. */
    private static final String DUMMY_SALT = HexFormat.of().formatHex(new byte[16]);
    private static final String DUMMY_HASH = hash(DUMMY_SALT, "no code");

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
    private final Executor codeSending;
    /** References whose hourly send limit is {@code demoSendsPerHour}: the demo's own, in demo mode only. */
    private Set<String> demoReferences = Set.of();

    @Autowired
    PortalSignIn(MongoDatabase database, QueryGateway queries, PersonalDataVault vault, OneTimeCodes sender, AuditLog audit,
                 PortalProperties limits, Clock clock, Environment environment) {
        this(database, queries, vault, sender, audit, limits, clock, task -> Schedulers.boundedElastic().schedule(task));
        // Someone trying the demo signs in again and again with the same reference; the usual 5 codes an hour
        // would lock them out of it (issue 13). Real references keep the usual limit, demo or not.
        if (DemoMode.on(environment)) {
            this.demoReferences = DemoData.REFERENCES.keySet().stream().map(PortalSignIn::normalise).collect(Collectors.toSet());
        }
    }

    /** @param codeSending where a code is looked up and sent, after the answer: see {@link #requestCode} */
    PortalSignIn(MongoDatabase database, QueryGateway queries, PersonalDataVault vault, OneTimeCodes sender, AuditLog audit,
                 PortalProperties limits, Clock clock, Executor codeSending) {
        this.codeSending = codeSending;
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
        // A victim may type the reference with spaces; a recorded one never has any.
        return reference == null ? "" : CrimeReferences.normalise(reference.replaceAll("\\s+", ""));
    }

    /**
     * The answer is the same, after the same work, whether or not the reference exists: finding the case
     * and sending its victims a code happen after it, elsewhere (issue 12, item 9: the lookup and the send
     * once made an existing reference's answer measurably slower).
     */
    Outcome requestCode(String rawReference, String client) {
        Optional<Duration> wait = overLimit(client);
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        String reference = normalise(rawReference);
        codeSending.execute(() -> {
            try {
                caseFor(reference).flatMap(this::access).ifPresent(access -> sendCodes(reference, access));
            } catch (RuntimeException e) {
                log.warn("Could not send a sign-in code: {}", e.toString());
            }
        });
        return new CodeRequested();
    }

    /**
     * Checks a code, counting before checking and both atomically (issue 12, item 4: parallel wrong codes
     * were all checked). Two limits: each client gets {@code failuresBeforeLock} tries at a reference before
     * it is locked out of it; and the reference's codes are void after {@code wrongCodesPerReference} tries
     * in all, from any number of clients, so rotating addresses cannot go on guessing. A voided code costs the
     * victim nothing but asking for a new one, which only they receive.
     */
    Outcome verify(String rawReference, String code, String client) {
        Optional<Duration> wait = overLimit(client);
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        String reference = normalise(rawReference);
        String lockKey = "lock:" + reference + ":" + client;
        Instant now = clock.instant();
        boolean wellFormed = code != null && code.strip().matches("\\d{6}");
        Integer clientTries = takeClientTry(lockKey, now);
        if (clientTries == null) {
            ServiceMeters.signInFailed();
            return new Refused();
        }
        // The same work whatever follows: a reference without codes is checked against dummy codes.
        Document state = takeReferenceTry(reference);
        Optional<Document> match = matching(state, wellFormed ? code.strip() : "", now);
        if (match.isEmpty() || !wellFormed || !use(reference, match.get())) {
            if (clientTries >= limits.failuresBeforeLock()) {
                throttle.updateOne(eq("_id", lockKey), Updates.set("lockedUntil", Date.from(now.plus(limits.lockout()))));
                ServiceMeters.signInLocked();
                audit.record(client, "PORTAL", "portal-reference-locked", reference, "repeated wrong codes from one client");
            }
            if (state != null && state.getInteger("tries", 0) >= limits.wrongCodesPerReference()) {
                // No later guess, from anyone, can meet these codes: the victim asks for a fresh one.
                // "voided" lets the victim's next request bring a fresh code even past the hourly limit, so
                // voiding never locks the victim out; it takes another run of wrong codes to earn another.
                codes.updateOne(eq("_id", reference), Updates.combine(Updates.set("codes", List.of()), Updates.set("voided", true)));
                audit.record("portal", "PORTAL", "portal-codes-voided", reference, "too many wrong codes for the reference");
            }
            ServiceMeters.signInFailed();
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
            ServiceMeters.signInFailed();
            return new Refused();
        }
        throttle.deleteOne(eq("_id", lockKey));
        audit.record(personId, "PORTAL", "portal-signed-in", caseId, "victim portal");
        return new SignedIn(new PortalIdentity(caseId, personId, person.get().actsFor(), person.get().delegate(), now));
    }

    /**
     * One try for this client at this reference, counted before the code is looked at: the count and the
     * check are one conditional update, so parallel requests can never take more than the limit.
     *
     * @return this try's number, or null when the client is locked out of the reference
     */
    private Integer takeClientTry(String lockKey, Instant now) {
        // A lock that has run out starts the count again.
        throttle.deleteOne(and(eq("_id", lockKey), lte("lockedUntil", Date.from(now))));
        throttle.updateOne(eq("_id", lockKey), Updates.setOnInsert("failures", 0), new UpdateOptions().upsert(true));
        Document tries = throttle.findOneAndUpdate(and(eq("_id", lockKey), lt("failures", limits.failuresBeforeLock())),
                Updates.inc("failures", 1), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (tries == null) {
            // At the limit: locked out, and not counted, so a lock is never extended by attempts made during
            // it. A lock whose end was never written (the instance stopped in between) gets one now.
            throttle.updateOne(and(eq("_id", lockKey), exists("lockedUntil", false)),
                    Updates.set("lockedUntil", Date.from(now.plus(limits.lockout()))));
            return null;
        }
        return tries.getInteger("failures", 0);
    }

    /**
     * One try at the reference's codes from anyone, counted before the code is looked at, and refused at the
     * limit: rotating addresses cannot go on guessing.
     *
     * @return the codes as they stood, or null when there are none to try
     */
    private Document takeReferenceTry(String reference) {
        return codes.findOneAndUpdate(and(eq("_id", reference),
                        or(exists("tries", false), lt("tries", limits.wrongCodesPerReference()))),
                Updates.inc("tries", 1), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** The live code that matches, hashing as many candidates whether or not the reference has codes. */
    private Optional<Document> matching(Document state, String code, Instant now) {
        List<Document> candidates = state == null ? List.of() : state.getList("codes", Document.class, List.of());
        Document found = null;
        for (int i = 0; i < Math.max(limits.liveCodes(), candidates.size()); i++) {
            Document candidate = i < candidates.size() ? candidates.get(i) : null;
            String salt = candidate == null ? DUMMY_SALT : candidate.getString("salt");
            String expected = candidate == null ? DUMMY_HASH : candidate.getString("hash");
            boolean matches = MessageDigest.isEqual(hash(salt, code).getBytes(StandardCharsets.UTF_8),
                    expected.getBytes(StandardCharsets.UTF_8));
            if (matches && candidate != null && found == null && candidate.getDate("expiresAt").toInstant().isAfter(now)) {
                found = candidate;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Takes the matching code away so it cannot be used twice, even by two requests at once. */
    private boolean use(String reference, Document code) {
        return codes.updateOne(eq("_id", reference), Updates.pull("codes", new Document("hash", code.getString("hash"))))
                    .getModifiedCount() == 1;
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
        int sendsPerHour = demoReferences.contains(reference) ? limits.demoSendsPerHour() : limits.sendsPerHour();
        if (sends.size() >= sendsPerHour && !state.getBoolean("voided", false)) {
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
        // A fresh code starts the reference's count of tries again (see takeReferenceTry).
        codes.replaceOne(eq("_id", reference), state.append("codes", live).append("sends", sends).append("tries", 0)
                        .append("voided", state.getBoolean("voided", false) && !sentAny),
                new ReplaceOptions().upsert(true));
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
