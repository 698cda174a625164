package uk.london.victims.web.portal;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A signed-in portal user; held in their session only. */
final class PortalAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;
    static final String AUTHORITY = "ROLE_PORTAL";

    private final PortalIdentity identity;

    PortalAuthentication(PortalIdentity identity) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.identity = identity;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public PortalIdentity getPrincipal() {
        return identity;
    }

    @Override
    public String getName() {
        return identity.personId();
    }
}
