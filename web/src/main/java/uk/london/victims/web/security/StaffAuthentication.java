package uk.london.victims.web.security;

import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * An authenticated bearer token whose principal is the {@link StaffMember}, so that
 * {@code @AuthenticationPrincipal StaffMember} works in handlers without reading claims again.
 */
final class StaffAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private static final long serialVersionUID = 1L;

    StaffAuthentication(Jwt jwt, StaffMember staff) {
        super(jwt, staff, jwt, staff.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        setAuthenticated(true);
    }

    StaffMember staffMember() {
        return (StaffMember) getPrincipal();
    }

    @Override
    public String getName() {
        return staffMember().staffId();
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }
}
