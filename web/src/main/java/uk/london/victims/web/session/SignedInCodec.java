package uk.london.victims.web.session;

import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * Turns one kind of signed-in user into plain strings for the shared session store and back, so the
 * store never holds a serialized security object (whose class and shape would tie every instance to
 * one build, and whose deserialization is a well-known attack surface).
 */
public interface SignedInCodec {

    /** Stored with the strings, to pick the codec that reads them back. */
    String kind();

    /** The plain form, or empty when the authentication is not of this codec's kind. */
    Optional<Map<String, String>> write(Authentication authentication);

    Authentication read(Map<String, String> plain);
}
