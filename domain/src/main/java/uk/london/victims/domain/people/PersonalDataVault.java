package uk.london.victims.domain.people;

import java.util.Optional;

/**
 * Where personal details (names, date of birth, contact details, address) are turned into
 * {@link Sealed} values before they go into an event, and back into text when someone entitled reads
 * them. Each person has their own key; {@link #erase erasing} a person destroys it, so every value
 * sealed for them, in any event or copy, can no longer be read (crypto-shredding) while the case
 * history around it stays intact.
 *
 * <p>Callers never keep what {@link #open} returns beyond the request that needed it: a cached
 * plaintext would survive the erasure this port exists for.
 */
public interface PersonalDataVault {

    /**
     * Encrypts {@code plaintext} under {@code person}'s key, creating the key on first use. Sealing the
     * same text twice gives different values.
     *
     * @throws PersonErasedException when the person has been erased: their details must not be recorded again
     */
    Sealed seal(PersonId person, String plaintext);

    /**
     * The text sealed in {@code sealed}, or empty when its person has been erased (readers then show
     * "[erased]").
     *
     * @throws IllegalArgumentException when the value was altered, or was not sealed for the person it names
     * @throws IllegalStateException    when the vault cannot use the person's key (for example, the wrong master key)
     */
    Optional<String> open(Sealed sealed);

    /** Destroys the person's key, for good. Erasing someone already erased does nothing. */
    void erase(PersonId person);

    boolean isErased(PersonId person);
}
