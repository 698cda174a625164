package uk.london.victims.application.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import uk.london.victims.domain.people.PersonId;

/**
 * The key that wraps every person's data key, so that the {@code person_keys} collection (and its
 * backups) holds no usable key on its own. Its {@link #id()} is stored beside each wrapped key, so a
 * vault started with another master key says so instead of failing with a bare decryption error.
 */
final class MasterKey {

    static final int BYTES = 32;
    private static final byte[] ID_LABEL = "vjt-vault master key id".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey key;
    private final String id;

    private MasterKey(byte[] raw) {
        if (raw.length != BYTES) {
            throw new IllegalArgumentException("A master key is " + BYTES + " bytes, not " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.id = idOf(raw);
    }

    static MasterKey of(byte[] raw) {
        return new MasterKey(raw);
    }

    static MasterKey generate(SecureRandom random) {
        byte[] raw = new byte[BYTES];
        random.nextBytes(raw);
        try {
            return new MasterKey(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * Decodes a master key given as base64 text. The messages never repeat the text, which is secret.
     *
     * @param source where the text came from, for the message (a variable name or a file)
     */
    static MasterKey fromBase64(String text, String source) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64; it must be the base64 encoding of "
                    + BYTES + " random bytes (for example the output of `openssl rand -base64 32`)");
        }
        if (raw.length != BYTES) {
            throw new IllegalStateException(source + " decodes to " + raw.length + " bytes; it must be the base64"
                    + " encoding of " + BYTES + " random bytes (for example the output of `openssl rand -base64 32`)");
        }
        try {
            return new MasterKey(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** A short fingerprint that names this key without revealing anything usable about it. */
    String id() {
        return id;
    }

    String toBase64() {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Encrypts a person's data key; the person id is bound in, so a wrapped key cannot be moved to someone else. */
    byte[] wrap(PersonId person, SecretKey dataKey, SecureRandom random) {
        byte[] raw = dataKey.getEncoded();
        try {
            return AesGcm.encrypt(key, raw, associatedData(person), random);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * @param wrappedUnder the id of the master key the stored key says it was wrapped with (null if unknown)
     * @throws IllegalStateException when this is not the master key it was wrapped with, or the stored key is damaged
     */
    SecretKey unwrap(PersonId person, byte[] wrapped, String wrappedUnder) {
        if (wrappedUnder != null && !wrappedUnder.equals(id)) {
            throw new IllegalStateException(wrongMasterKey(person, wrappedUnder));
        }
        byte[] raw = AesGcm.decrypt(key, wrapped, associatedData(person)).orElseThrow(() ->
                new IllegalStateException("The stored data key of person " + person + " cannot be unwrapped with"
                        + " the vault's master key " + id + ": it was wrapped with another master key (check"
                        + " VJT_VAULT_MASTER_KEY), altered, or copied from another person"));
        try {
            if (raw.length != BYTES) {
                throw new IllegalStateException("The stored data key of person " + person + " is " + raw.length
                        + " bytes, not " + BYTES);
            }
            return new SecretKeySpec(raw, "AES");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private String wrongMasterKey(PersonId person, String wrappedUnder) {
        return "The data key of person " + person + " was wrapped with master key " + wrappedUnder
               + ", but the vault's master key is " + id + ": set VJT_VAULT_MASTER_KEY to the master key the"
               + " data was written with (personal data cannot be read with any other)";
    }

    private static byte[] associatedData(PersonId person) {
        return person.value().getBytes(StandardCharsets.UTF_8);
    }

    private static String idOf(byte[] raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(raw, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(ID_LABEL), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }
}
