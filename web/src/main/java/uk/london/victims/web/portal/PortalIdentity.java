package uk.london.victims.web.portal;

import java.io.Serializable;
import java.time.Instant;

/**
 * Who is signed in to the portal, fixed at sign-in: the case, the person, and the victim whose part of
 * the case they see (the same person, unless they are a delegate). Nothing a page or form sends can
 * change it, which is what keeps one victim out of another's case.
 */
public record PortalIdentity(String caseId, String personId, String victimId, boolean delegate, Instant signedInAt)
        implements Serializable {
}
