package uk.london.victims.domain.cases;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** The tracker's own identifier for a case: stable, opaque, and never a crime reference number. */
public record CaseId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9-]{8,64}");

    public CaseId {
        Objects.requireNonNull(value, "case id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A case id is 8 to 64 letters, digits or hyphens");
        }
    }

    public static CaseId newId() {
        return new CaseId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
