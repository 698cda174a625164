package uk.london.victims.application.personaldata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.london.victims.application.store.StoreProperties;

/**
 * Where the vault's master key comes from: {@code VJT_VAULT_MASTER_KEY} when set; otherwise, only for
 * the embedded demo store, a key generated once and kept beside the store's data; otherwise start-up
 * fails, because a production vault with a made-up key would lock its data away with the key.
 */
final class MasterKeySource {

    static final String DEMO_KEY_FILE = "vault-master.key";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String VARIABLE = "VJT_VAULT_MASTER_KEY (vjt.vault.master-key)";
    private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);

    private MasterKeySource() {
    }

    static MasterKey resolve(VaultProperties vault, StoreProperties store, SecureRandom random) {
        if (vault.masterKeyConfigured()) {
            return MasterKey.fromBase64(vault.masterKey(), VARIABLE);
        }
        if (store.embedded()) {
            return demoKey(store.dataDirectory(), random);
        }
        throw new IllegalStateException(VARIABLE + " is not set. On MongoDB the personal-data vault needs a master"
                + " key: the base64 encoding of 32 random bytes (for example `openssl rand -base64 32`), kept in a"
                + " secret store and never changed or lost, since every person's details are readable only with it.");
    }

    /** The demo master key in {@code dataDirectory}, generated on first start. */
    static MasterKey demoKey(Path dataDirectory, SecureRandom random) {
        Path file = dataDirectory.resolve(DEMO_KEY_FILE);
        try {
            if (Files.exists(file)) {
                warnIfReadableByOthers(file);
                log.warn("Personal-data vault: using the DEMO master key in {}. Not for production: set"
                         + " VJT_VAULT_MASTER_KEY.", file);
                return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
            }
            MasterKey key = MasterKey.generate(random);
            write(file, key.toBase64() + "\n");
            log.warn("Personal-data vault: no VJT_VAULT_MASTER_KEY, so generated a DEMO master key in {}. Not for"
                     + " production: anyone who can read that file can read every person's details, and losing"
                     + " it makes them unreadable. Set VJT_VAULT_MASTER_KEY for anything real.", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the demo vault master key " + file, e);
        }
    }

    /**
     * Writes the whole key to a temporary file created owner-only, then renames it into place, so the
     * key file is never seen half-written or readable by others, not even for a moment.
     */
    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temporary = posix
                ? Files.createTempFile(file.getParent(), DEMO_KEY_FILE, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(file.getParent(), DEMO_KEY_FILE, ".tmp");
        try {
            if (posix) {
                // The umask can only take permissions away, but be explicit about the result.
                Files.setPosixFilePermissions(temporary, EnumSet.copyOf(OWNER_ONLY));
            } else {
                log.warn("Cannot restrict {} to its owner on this file system; protect its directory", file);
            }
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            log.warn("The demo vault master key {} is readable by others than its owner; chmod 600 it", file);
        }
    }
}
