package uk.london.victims.domain.people;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The tracker's own identifier for a person (victim, witness, family spokesperson): opaque and never
 * derived from anything about them, so it can appear in events, logs and exports after their details
 * have been erased.
 */
public record PersonId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9-]{8,64}");

    public PersonId {
        Objects.requireNonNull(value, "person id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A person id is 8 to 64 letters, digits or hyphens");
        }
    }

    public static PersonId newId() {
        return new PersonId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
