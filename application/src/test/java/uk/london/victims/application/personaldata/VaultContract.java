package uk.london.victims.application.personaldata;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import uk.london.victims.application.store.MutableClock;
import uk.london.victims.application.store.OnEachBackend;
import uk.london.victims.application.store.StoreBackend;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/** What the personal-data vault promises, run against each backend by the subclasses. */
abstract class VaultContract extends OnEachBackend {

    private static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final String NAME = "Zoë Ó'Brien";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final AtomicLong ticker = new AtomicLong();
    private final MasterKey masterKey = MasterKey.generate(new SecureRandom());
    private MongoPersonalDataVault vault;

    @BeforeEach
    void freshStore() {
        vault = newVault(database, masterKey);
    }

    /** Another vault on the same database: what a second service instance would be, with its own cache. */
    private MongoPersonalDataVault newVault(MongoDatabase on, MasterKey key) {
        return new MongoPersonalDataVault(on, key, clock, CACHE_TTL, 100, ticker::get);
    }

    @Test
    void opensWhatItSealed() {
        PersonId person = PersonId.newId();

        for (String text : List.of(NAME, "2 Acacia Avenue, London SE1 7PB", "+44 20 7946 0000", "", "1990-02-28",
                "Ahmed محمد 李小龍 🙂")) {
            Sealed sealed = vault.seal(person, text);

            assertThat(sealed.person()).isEqualTo(person);
            assertThat(vault.open(sealed)).contains(text);
            assertThat(newVault(database, masterKey).open(sealed)).contains(text);
        }
    }

    @Test
    void theCiphertextIsVersionIvCiphertextAndTagInBase64() {
        byte[] blob = Base64.getDecoder().decode(vault.seal(PersonId.newId(), NAME).ciphertext());

        assertThat(blob[0]).isEqualTo((byte) 1);
        assertThat(blob).hasSize(1 + 12 + NAME.getBytes(StandardCharsets.UTF_8).length + 16);
    }

    @Test
    void sealingTheSameTextTwiceGivesDifferentValues() {
        PersonId person = PersonId.newId();

        Sealed first = vault.seal(person, NAME);
        Sealed second = vault.seal(person, NAME);

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(vault.open(first)).isEqualTo(vault.open(second)).contains(NAME);
    }

    @Test
    void aValueAlteredInAnyOneByteIsRefusedNotMisread() {
        PersonId person = PersonId.newId();
        byte[] blob = Base64.getDecoder().decode(vault.seal(person, NAME).ciphertext());

        for (int i = 0; i < blob.length; i++) {
            byte[] altered = blob.clone();
            altered[i] ^= 0x01;
            Sealed tampered = new Sealed(person, Base64.getEncoder().encodeToString(altered));
            assertThatThrownBy(() -> vault.open(tampered)).as("byte %d altered", i)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("altered");
        }
        byte[] truncated = Arrays.copyOf(blob, blob.length - 1);
        assertThatThrownBy(() -> vault.open(new Sealed(person, Base64.getEncoder().encodeToString(truncated))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vault.open(new Sealed(person, "not base64 at all!")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValueSealedForOnePersonCannotBeOpenedAsAnothers() {
        PersonId a = PersonId.newId();
        PersonId b = PersonId.newId();
        PersonId neverSealedFor = PersonId.newId();
        Sealed forA = vault.seal(a, NAME);
        vault.seal(b, "someone else");

        assertThatThrownBy(() -> vault.open(new Sealed(b, forA.ciphertext())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(b.value());
        assertThatThrownBy(() -> vault.open(new Sealed(neverSealedFor, forA.ciphertext())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(neverSealedFor.value());
    }

    @Test
    void theStoredKeyIsWrappedNeverRaw() {
        PersonId person = PersonId.newId();
        vault.seal(person, NAME);

        Document stored = database.getCollection(MongoPersonalDataVault.KEYS).find(eq("_id", person.value())).first();
        byte[] raw = masterKey.unwrap(person, stored.get("wrappedKey", Binary.class).getData(),
                stored.getString("masterKeyId")).getEncoded();
        RawBsonDocument bson = database.getCollection(MongoPersonalDataVault.KEYS, RawBsonDocument.class)
                .find(eq("_id", person.value())).first();
        ByteBuffer buffer = bson.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);

        assertThat(raw).hasSize(32);
        assertThat(indexOf(bytes, raw)).isEqualTo(-1);
        assertThat(stored.toJson()).doesNotContain(Base64.getEncoder().encodeToString(raw))
                .doesNotContain(HexFormat.of().formatHex(raw));
        assertThat(stored.getString("masterKeyId")).isEqualTo(masterKey.id());
        assertThat(stored.getDate("createdAt")).isEqualTo(Date.from(clock.instant()));
    }

    @Test
    void erasingAPersonMakesTheirValuesUnreadableAndRefusesNewOnes() {
        PersonId person = PersonId.newId();
        PersonId bystander = PersonId.newId();
        Sealed sealed = vault.seal(person, NAME);
        Sealed other = vault.seal(bystander, "not erased");
        assertThat(vault.open(sealed)).contains(NAME);  // the key is now in this instance's cache

        vault.erase(person);

        assertThat(vault.isErased(person)).isTrue();
        assertThat(vault.open(sealed)).isEmpty();
        assertThat(newVault(database, masterKey).open(sealed)).isEmpty();
        assertThatThrownBy(() -> vault.seal(person, NAME))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("erased");
        assertThatThrownBy(() -> newVault(database, masterKey).seal(person, NAME))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("erased");
        assertThat(database.getCollection(MongoPersonalDataVault.KEYS).countDocuments(eq("_id", person.value()))).isZero();
        assertThat(vault.isErased(bystander)).isFalse();
        assertThat(vault.open(other)).contains("not erased");
    }

    @Test
    void erasingTwiceChangesNothingAndKeepsTheFirstErasureTime() {
        PersonId person = PersonId.newId();
        Sealed sealed = vault.seal(person, NAME);
        vault.erase(person);
        Instant firstErasure = clock.instant();
        clock.advance(Duration.ofDays(1));

        vault.erase(person);

        Document erasure = database.getCollection(MongoPersonalDataVault.ERASURES).find(eq("_id", person.value())).first();
        assertThat(erasure.getDate("erasedAt")).isEqualTo(Date.from(firstErasure));
        assertThat(vault.isErased(person)).isTrue();
        assertThat(vault.open(sealed)).isEmpty();
    }

    @Test
    void someoneNeverSealedForCanBeErasedAndIsThenRefused() {
        PersonId person = PersonId.newId();

        vault.erase(person);

        assertThat(vault.isErased(person)).isTrue();
        assertThatThrownBy(() -> vault.seal(person, NAME)).isInstanceOf(IllegalStateException.class);
        assertThat(database.getCollection(MongoPersonalDataVault.KEYS).countDocuments()).isZero();
    }

    @Test
    void anotherInstanceForgetsAnErasedPersonsKeyWithinTheCacheTtl() {
        PersonId person = PersonId.newId();
        MongoPersonalDataVault other = newVault(database, masterKey);
        Sealed sealed = vault.seal(person, NAME);
        assertThat(other.open(sealed)).contains(NAME);  // cached there

        vault.erase(person);
        ticker.addAndGet(CACHE_TTL.toNanos() + 1);

        assertThat(other.open(sealed)).isEmpty();
    }

    @Test
    void anErasureInterruptedBeforeDeletingTheKeyIsCompletedByTheNextRead() {
        PersonId person = PersonId.newId();
        Sealed sealed = vault.seal(person, NAME);
        database.getCollection(MongoPersonalDataVault.ERASURES)
                .insertOne(new Document("_id", person.value()).append("erasedAt", Date.from(clock.instant())));

        assertThat(newVault(database, masterKey).open(sealed)).isEmpty();
        assertThat(database.getCollection(MongoPersonalDataVault.KEYS).countDocuments(eq("_id", person.value()))).isZero();
    }

    @Test
    void twoInstancesSealingForANewPersonAtOnceAgreeOnOneKey() throws Exception {
        int people = 25;
        MongoPersonalDataVault first = newVault(database, masterKey);
        try (MongoClient otherClient = newClient()) {
            MongoPersonalDataVault second = newVault(otherClient.getDatabase(database.getName()), masterKey);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int i = 0; i < people; i++) {
                    PersonId person = PersonId.newId();
                    CyclicBarrier together = new CyclicBarrier(2);
                    Future<Sealed> byFirst = pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return first.seal(person, "first " + NAME);
                    });
                    Future<Sealed> bySecond = pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return second.seal(person, "second " + NAME);
                    });
                    Sealed a = byFirst.get(30, TimeUnit.SECONDS);
                    Sealed b = bySecond.get(30, TimeUnit.SECONDS);

                    assertThat(first.open(b)).contains("second " + NAME);
                    assertThat(second.open(a)).contains("first " + NAME);
                    assertThat(newVault(database, masterKey).open(a)).contains("first " + NAME);
                    assertThat(newVault(database, masterKey).open(b)).contains("second " + NAME);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(database.getCollection(MongoPersonalDataVault.KEYS).countDocuments()).isEqualTo(people);
    }

    @Test
    void aVaultWithAnotherMasterKeyRefusesToStartAndToOpen() {
        PersonId person = PersonId.newId();
        Sealed sealed = vault.seal(person, NAME);
        MongoPersonalDataVault wrongKey = newVault(database, MasterKey.generate(new SecureRandom()));

        assertThatThrownBy(wrongKey::checkMasterKey)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("master key");
        assertThatThrownBy(() -> wrongKey.open(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("master key");
        vault.checkMasterKey();
        MongoDatabase empty = anotherDatabase();
        newVault(empty, MasterKey.generate(new SecureRandom())).checkMasterKey();
        empty.drop();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
