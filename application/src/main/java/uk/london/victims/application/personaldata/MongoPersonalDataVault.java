package uk.london.victims.application.personaldata;

import static com.mongodb.client.model.Filters.eq;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.bson.Document;
import org.bson.types.Binary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;

import uk.london.victims.domain.people.PersonErasedException;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.domain.people.Sealed;

/**
 * The personal-data vault on MongoDB: one AES-256 data key per person, stored only wrapped by the
 * master key; values sealed with AES-GCM under the person's key, bound to the person's id. Erasing a
 * person deletes their key, which makes every value sealed for them unreadable wherever it was copied
 * (events, snapshots, read models, backups of those), while the events themselves stay (ADR 0007).
 *
 * <p>Collections, every lookup by {@code _id} (the one access the embedded store indexes):
 * <ul>
 *   <li>{@code person_keys}: {@code _id} = person id, the wrapped key, the id of the master key that
 *       wrapped it, {@code createdAt}. Created on the first seal for the person.</li>
 *   <li>{@code person_erasures}: {@code _id} = person id, {@code erasedAt}. Refuses any later seal, so
 *       that an erased person's details are never recorded again under a new key.</li>
 * </ul>
 *
 * <p>Races between instances sharing the database. Two first seals for a person both insert a key at
 * the same {@code _id}; the loser reads and uses the winner's. Erasure writes its record <em>before</em>
 * deleting the key, and a seal that created a key checks for an erasure <em>after</em> inserting it, so
 * either the seal sees the erasure (and takes its key back) or the erasure comes later and deletes the
 * key. An erasure interrupted between its two writes is completed by the next read of that person.
 */
public class MongoPersonalDataVault implements PersonalDataVault {

    static final String KEYS = "person_keys";
    static final String ERASURES = "person_erasures";

    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> erasures;
    private final MasterKey masterKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /**
     * Unwrapped keys, to spare a store round trip and an unwrap per value read. {@link #erase} evicts
     * this instance's entry; other instances learn of the erasure only when their entry expires, so an
     * erased person's details stay readable there for at most the TTL ({@code vjt.vault.key-cache-ttl},
     * 60 s at most). Values are only ever added through {@link Cache#get}, which is atomic per key
     * against {@link Cache#invalidate}, so a load racing a local erasure cannot re-insert the key.
     */
    private final Cache<String, SecretKey> unwrappedKeys;
    private final DeletedKeyShredder shredder;

    /**
     * What is done with a person's wrapped key once its deletion is committed: on the embedded store, every
     * copy left in the store's file is overwritten (ADR 0020); on MongoDB nothing can be, and the master key
     * kept away from the data is what protects old copies (journal, oplog, backups).
     */
    @FunctionalInterface
    interface DeletedKeyShredder {
        DeletedKeyShredder NONE = wrappedKey -> {
        };

        void shred(byte[] wrappedKey);
    }

    MongoPersonalDataVault(MongoDatabase database, MasterKey masterKey, Clock clock, Duration keyCacheTtl,
                           long keyCacheSize) {
        this(database, masterKey, clock, keyCacheTtl, keyCacheSize, Ticker.systemTicker(), DeletedKeyShredder.NONE);
    }

    MongoPersonalDataVault(MongoDatabase database, MasterKey masterKey, Clock clock, Duration keyCacheTtl,
                           long keyCacheSize, DeletedKeyShredder shredder) {
        this(database, masterKey, clock, keyCacheTtl, keyCacheSize, Ticker.systemTicker(), shredder);
    }

    MongoPersonalDataVault(MongoDatabase database, MasterKey masterKey, Clock clock, Duration keyCacheTtl,
                           long keyCacheSize, Ticker ticker) {
        this(database, masterKey, clock, keyCacheTtl, keyCacheSize, ticker, DeletedKeyShredder.NONE);
    }

    MongoPersonalDataVault(MongoDatabase database, MasterKey masterKey, Clock clock, Duration keyCacheTtl,
                           long keyCacheSize, Ticker ticker, DeletedKeyShredder shredder) {
        this.shredder = shredder;
        this.keys = database.getCollection(KEYS);
        this.erasures = database.getCollection(ERASURES);
        this.masterKey = masterKey;
        this.clock = clock;
        this.unwrappedKeys = Caffeine.newBuilder()
                .maximumSize(keyCacheSize)
                .expireAfterWrite(keyCacheTtl)
                .ticker(ticker)
                .build();
    }

    /**
     * Fails when the stored person keys were wrapped with another master key (a changed or lost
     * {@code VJT_VAULT_MASTER_KEY}, or a regenerated demo key file): better not to start than to write
     * new details under one key while every existing one is unreadable.
     */
    void checkMasterKey() {
        Document any = keys.find().projection(Projections.include("masterKeyId")).limit(1).first();
        if (any != null && !masterKey.id().equals(any.getString("masterKeyId"))) {
            throw new IllegalStateException("The personal-data vault's master key (" + masterKey.id() + ") is not the"
                    + " one the stored person keys were wrapped with (" + any.getString("masterKeyId") + "): no"
                    + " personal data could be read. Set VJT_VAULT_MASTER_KEY to the original master key.");
        }
    }

    @Override
    public Sealed seal(PersonId person, String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (isErased(person)) {
            throw refusedAfterErasure(person);
        }
        SecretKey key = unwrappedKeys.get(person.value(), id -> readOrCreateKey(person));
        byte[] sealed = AesGcm.encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8), associatedData(person), random);
        return new Sealed(person, Base64.getEncoder().encodeToString(sealed));
    }

    @Override
    public Optional<String> open(Sealed sealed) {
        PersonId person = sealed.person();
        SecretKey key = unwrappedKeys.get(person.value(), id -> readKey(person));
        if (key == null) {
            if (isErased(person)) {
                return Optional.empty();
            }
            throw notSealedFor(person, null);
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(sealed.ciphertext());
        } catch (IllegalArgumentException e) {
            throw notSealedFor(person, e);
        }
        byte[] plaintext = AesGcm.decrypt(key, blob, associatedData(person)).orElseThrow(() -> notSealedFor(person, null));
        return Optional.of(new String(plaintext, StandardCharsets.UTF_8));
    }

    @Override
    public void erase(PersonId person) {
        try {
            erasures.insertOne(new Document("_id", person.value()).append("erasedAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Erased before: keep the first erasedAt, and still make sure the key is gone.
        }
        deleteKey(person);
        unwrappedKeys.invalidate(person.value());
    }

    /** Deletes the person's key and, once the deletion is committed, every copy the store's files still hold. */
    private void deleteKey(PersonId person) {
        Document stored = keys.find(eq("_id", person.value())).first();
        keys.deleteOne(eq("_id", person.value()));
        if (stored != null && stored.get("wrappedKey") instanceof Binary wrapped) {
            shredder.shred(wrapped.getData());
        }
    }

    @Override
    public boolean isErased(PersonId person) {
        return erasures.find(eq("_id", person.value())).projection(Projections.include("_id")).first() != null;
    }

    /** The person's key, or null when they have none (never sealed for, or erased). */
    private SecretKey readKey(PersonId person) {
        if (isErased(person)) {
            // Completes an erasure that stopped between its record and the key's deletion.
            deleteKey(person);
            return null;
        }
        Document stored = keys.find(eq("_id", person.value())).first();
        return stored == null ? null : unwrap(person, stored);
    }

    private SecretKey readOrCreateKey(PersonId person) {
        Document stored = keys.find(eq("_id", person.value())).first();
        if (stored != null) {
            return unwrap(person, stored);
        }
        SecretKey created = newDataKey();
        try {
            keys.insertOne(new Document("_id", person.value())
                    .append("wrappedKey", new Binary(masterKey.wrap(person, created, random)))
                    .append("masterKeyId", masterKey.id())
                    .append("createdAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another instance created the person's key first: use theirs, so there is only ever one.
            Document winner = keys.find(eq("_id", person.value())).first();
            if (winner == null) {
                throw refusedAfterErasure(person);
            }
            return unwrap(person, winner);
        }
        if (isErased(person)) {
            // Erased while this key was being created; the erasure may have deleted before the insert.
            deleteKey(person);
            throw refusedAfterErasure(person);
        }
        return created;
    }

    private SecretKey unwrap(PersonId person, Document stored) {
        return masterKey.unwrap(person, stored.get("wrappedKey", Binary.class).getData(), stored.getString("masterKeyId"));
    }

    private SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 key generation is not available in this JVM", e);
        }
    }

    private static byte[] associatedData(PersonId person) {
        return person.value().getBytes(StandardCharsets.UTF_8);
    }

    private static IllegalStateException refusedAfterErasure(PersonId person) {
        return new PersonErasedException(person);
    }

    private static IllegalArgumentException notSealedFor(PersonId person, Exception cause) {
        return new IllegalArgumentException("The sealed value cannot be opened as person " + person + "'s: it was"
                + " altered, or was not sealed for this person", cause);
    }
}
