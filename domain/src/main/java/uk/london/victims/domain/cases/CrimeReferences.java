package uk.london.victims.domain.cases;

import java.util.Locale;

/**
 * A crime reference as the force knows it: one spelling per reference, so that {@code cris-1/26} and
 * {@code CRIS-1/26} are the same reference, unique within the force, and the victim can sign in with either.
 */
public final class CrimeReferences {

    private CrimeReferences() {
    }

    /** Trimmed and in upper case; null stays null. Inner spaces are left for the format check to refuse. */
    public static String normalise(String reference) {
        return reference == null ? null : reference.strip().toUpperCase(Locale.ROOT);
    }

    /** How the event store claims the reference, so that no second case can record it (ADR 0018). */
    public static String uniqueValue(String reference) {
        return "crimeReference:" + normalise(reference);
    }
}
