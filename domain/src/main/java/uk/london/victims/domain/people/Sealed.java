package uk.london.victims.domain.people;

import java.util.Objects;

/**
 * A piece of one person's personal data as events and read models carry it: encrypted under that
 * person's key by the {@link PersonalDataVault}, so it becomes unreadable everywhere, history
 * included, once the person is erased. Only the vault can turn it back into text.
 *
 * @param person     whose data this is; also bound into the ciphertext, so a value cannot be moved to someone else
 * @param ciphertext the vault's opaque encoding; never shown by {@link #toString()}, so a sealed value
 *                   logged by mistake does not leak even the ciphertext
 */
public record Sealed(PersonId person, String ciphertext) {

    public Sealed {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (ciphertext.isBlank()) {
            throw new IllegalArgumentException("A sealed value has a ciphertext");
        }
    }

    @Override
    public String toString() {
        return "Sealed[person=" + person + "]";
    }
}
