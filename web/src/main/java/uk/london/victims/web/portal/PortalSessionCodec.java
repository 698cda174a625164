package uk.london.victims.web.portal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import uk.london.victims.web.session.SignedInCodec;

/** A signed-in victim or delegate in the shared session store: their {@link PortalIdentity} as strings. */
@Component
class PortalSessionCodec implements SignedInCodec {

    @Override
    public String kind() {
        return "portal";
    }

    @Override
    public Optional<Map<String, String>> write(Authentication authentication) {
        if (!(authentication instanceof PortalAuthentication portal)) {
            return Optional.empty();
        }
        PortalIdentity identity = portal.getPrincipal();
        return Optional.of(Map.of("caseId", identity.caseId(), "personId", identity.personId(), "victimId", identity.victimId(),
                "delegate", String.valueOf(identity.delegate()), "signedInAt", identity.signedInAt().toString()));
    }

    @Override
    public Authentication read(Map<String, String> plain) {
        return new PortalAuthentication(new PortalIdentity(plain.get("caseId"), plain.get("personId"), plain.get("victimId"),
                Boolean.parseBoolean(plain.get("delegate")), Instant.parse(plain.get("signedInAt"))));
    }
}
