package uk.london.victims.application.personaldata;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The personal-data vault.
 *
 * @param masterKey    base64 of 32 random bytes ({@code VJT_VAULT_MASTER_KEY}) wrapping every person's key;
 *                     required on MongoDB, generated into the data directory for the embedded demo store
 * @param keyCacheTtl  how long an instance keeps a person's unwrapped key in memory: the longest another
 *                     instance may still read a person's details after they were erased (0 to 60 s)
 * @param keyCacheSize how many people's unwrapped keys an instance keeps in memory
 */
@ConfigurationProperties("vjt.vault")
public record VaultProperties(String masterKey,
                              @DefaultValue("30s") Duration keyCacheTtl,
                              @DefaultValue("10000") long keyCacheSize) {

    static final Duration MAX_KEY_CACHE_TTL = Duration.ofSeconds(60);

    public VaultProperties {
        if (keyCacheTtl == null || keyCacheTtl.isNegative() || keyCacheTtl.compareTo(MAX_KEY_CACHE_TTL) > 0) {
            // The TTL bounds how long an erased person stays readable on other instances.
            throw new IllegalArgumentException("vjt.vault.key-cache-ttl must be between 0 and "
                    + MAX_KEY_CACHE_TTL.toSeconds() + "s, not " + keyCacheTtl);
        }
        if (keyCacheSize < 0) {
            throw new IllegalArgumentException("vjt.vault.key-cache-size must not be negative");
        }
    }

    boolean masterKeyConfigured() {
        return masterKey != null && !masterKey.isBlank();
    }

    @Override
    public String toString() {
        return "VaultProperties[masterKey=" + (masterKeyConfigured() ? "(set)" : "(unset)")
               + ", keyCacheTtl=" + keyCacheTtl + ", keyCacheSize=" + keyCacheSize + "]";
    }
}
