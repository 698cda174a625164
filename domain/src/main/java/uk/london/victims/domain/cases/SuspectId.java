package uk.london.victims.domain.cases;

import java.util.Objects;
import java.util.regex.Pattern;

/** A suspect within one case: an opaque reference, never the suspect's name. */
public record SuspectId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public SuspectId {
        Objects.requireNonNull(value, "suspect id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A suspect id is 1 to 64 letters, digits or hyphens");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
