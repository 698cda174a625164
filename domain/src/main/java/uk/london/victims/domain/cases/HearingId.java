package uk.london.victims.domain.cases;

import java.util.Objects;
import java.util.regex.Pattern;

/** A court hearing within one case, as the listing office or Witness Care refers to it. */
public record HearingId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public HearingId {
        Objects.requireNonNull(value, "hearing id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A hearing id is 1 to 64 letters, digits or hyphens");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
