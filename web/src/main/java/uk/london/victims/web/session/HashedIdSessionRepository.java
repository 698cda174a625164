package uk.london.victims.web.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.data.mongo.MongoSession;
import org.springframework.session.data.mongo.ReactiveMongoSessionRepository;

import reactor.core.publisher.Mono;

/**
 * Spring Session's MongoDB repository, with the session id stored only as its SHA-256: the cookie holds
 * the id, the store its hash, so whoever reads the store (a backup, an operator) cannot take over a
 * session. The library keys its documents by the id it is given and has no hook for this (its id
 * generator also names the cookie), hence this thin wrapper. The id is 256 random bits, so an unsalted
 * hash is enough: there is nothing to guess.
 */
public final class HashedIdSessionRepository implements ReactiveSessionRepository<HashedIdSessionRepository.HashedIdSession> {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoSessionRepository store;
    private final Duration defaultIdle;

    public HashedIdSessionRepository(ReactiveMongoSessionRepository store, Duration defaultIdle) {
        this.store = store;
        this.defaultIdle = defaultIdle;
    }

    @Override
    public Mono<HashedIdSession> createSession() {
        String id = newId();
        MongoSession stored = new MongoSession(hash(id), defaultIdle.toSeconds());
        return Mono.just(new HashedIdSession(id, stored));
    }

    @Override
    public Mono<Void> save(HashedIdSession session) {
        Mono<Void> save = store.save(session.stored);
        if (session.replaced == null) {
            return save;
        }
        String replaced = session.replaced;
        session.replaced = null;
        // The old id stops working as the new one starts (a session fixation defence needs both).
        return store.deleteById(replaced).then(save);
    }

    @Override
    public Mono<HashedIdSession> findById(String id) {
        return store.findById(hash(id)).map(stored -> new HashedIdSession(id, stored));
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return store.deleteById(hash(id));
    }

    /** What the store keeps as the document's {@code _id} for a session id. */
    public static String hash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A session whose id is the cookie's, kept in the store under the id's hash. */
    public static final class HashedIdSession implements Session {

        private String id;
        private MongoSession stored;
        /** The hashed id to delete at the next save, after the id changed. */
        private String replaced;

        HashedIdSession(String id, MongoSession stored) {
            this.id = id;
            this.stored = stored;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String changeSessionId() {
            String fresh = newId();
            MongoSession copy = new MongoSession(hash(fresh), stored.getMaxInactiveInterval().toSeconds());
            for (String name : stored.getAttributeNames()) {
                copy.setAttribute(name, stored.getAttribute(name));
            }
            copy.setLastAccessedTime(stored.getLastAccessedTime());
            if (replaced == null) {
                replaced = stored.getId();
            }
            stored = copy;
            id = fresh;
            return fresh;
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
            // The library works out the expiry only when the session is touched: a shorter limit set at
            // sign-in must count from now, not from the next request.
            stored.setLastAccessedTime(stored.getLastAccessedTime());
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
