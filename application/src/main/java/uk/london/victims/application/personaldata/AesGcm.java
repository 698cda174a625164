package uk.london.victims.application.personaldata;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The one encoding the vault writes, for person values and for wrapped person keys alike:
 * {@code version (1 byte) || IV (12 bytes) || ciphertext+tag (tag 16 bytes)}, AES-GCM from the JDK.
 *
 * <p>A random 96-bit IV is safe here because a key encrypts few values: one person's details, or one
 * master key wrapping person keys, stays far below the 2^32 encryptions per key that NIST SP 800-38D
 * allows with random IVs.
 */
final class AesGcm {

    static final byte VERSION = 1;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int OVERHEAD = 1 + IV_BYTES + TAG_BITS / 8;

    private AesGcm() {
    }

    static byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associatedData, SecureRandom random) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            // Cipher instances are not thread-safe; a fresh one per call is cheap next to a store round trip.
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed in this JVM", e);
        }
    }

    /**
     * The plaintext, or empty when {@code blob} is not authentic under this key and associated data:
     * altered, truncated, of an unknown version, encrypted under another key or for other associated data.
     */
    static Optional<byte[]> decrypt(SecretKey key, byte[] blob, byte[] associatedData) {
        if (blob.length < OVERHEAD || blob[0] != VERSION) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 1, IV_BYTES));
            cipher.updateAAD(associatedData);
            return Optional.of(cipher.doFinal(blob, 1 + IV_BYTES, blob.length - 1 - IV_BYTES));
        } catch (AEADBadTagException notAuthentic) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed in this JVM", e);
        }
    }
}
