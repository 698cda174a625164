package uk.london.victims.application.personaldata;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import uk.london.victims.application.store.EmbeddedMongoStore;
import uk.london.victims.domain.people.PersonId;

/**
 * Erasure on the embedded store, looked at as an attacker with the disk would: after {@code erase}
 * returns, the person's wrapped key is nowhere in the store's file (issue 12, item 6), and the data
 * directory, the store and the demo master key are readable by their owner only.
 */
class ErasureOnDiskTest {

    @TempDir
    Path root;

    private EmbeddedMongoStore store;
    private MongoClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void anErasedPersonsWrappedKeyIsNotLeftInTheStoreFile() throws IOException {
        Path data = root.resolve("data");
        store = EmbeddedMongoStore.start(data, "127.0.0.1", 0);
        client = MongoClients.create(store.connectionString());
        MongoDatabase database = client.getDatabase("victims");
        MongoPersonalDataVault vault = new MongoPersonalDataVault(database, MasterKey.generate(new SecureRandom()),
                Clock.systemUTC(), Duration.ofSeconds(30), 100, store::shred);
        PersonId person = PersonId.newId();
        PersonId other = PersonId.newId();
        vault.seal(person, "Zoë Ó'Brien");
        var othersDetails = vault.seal(other, "Somebody Else");
        byte[] wrappedKey = database.getCollection(MongoPersonalDataVault.KEYS).find(eq("_id", person.value())).first()
                .get("wrappedKey", Binary.class).getData();
        // The attack works on today's file: the key is there to be found.
        assertThat(occurrences(Files.readAllBytes(store.file()), wrappedKey)).isPositive();

        vault.erase(person);

        assertThat(occurrences(Files.readAllBytes(store.file()), wrappedKey)).isZero();
        // Shredding damaged nothing live: another person's details still open, and the store still writes.
        assertThat(vault.open(othersDetails)).contains("Somebody Else");
        database.getCollection("after").insertOne(new Document("_id", "still-writable"));
        assertThat(database.getCollection("after").countDocuments()).isEqualTo(1);
    }

    @Test
    void theDataDirectoryAndItsFilesAreOwnerOnly() throws IOException {
        Path data = root.resolve("data");
        // A directory made readable by everyone (an older version, a careless copy) is tightened at start.
        Files.createDirectories(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        store = EmbeddedMongoStore.start(data, "127.0.0.1", 0);
        MasterKeySource.demoKey(data, new SecureRandom());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(MasterKeySource.DEMO_KEY_FILE))))
                .isEqualTo("rw-------");
    }

    private static int occurrences(byte[] haystack, byte[] needle) {
        int count = 0;
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                count++;
            }
        }
        return count;
    }
}
