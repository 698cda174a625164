package uk.london.victims.web.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A member of staff signed in to the pages through the identity provider: the same claims as the agency
 * API's bearer tokens ({@code roles}, {@code unit}, {@code bcu}, {@code name}), so one role model covers both.
 */
final class StaffOidcUser extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;

    private final StaffMember staff;

    StaffOidcUser(OidcUser user) {
        this(user, StaffMember.of(user.getClaims()));
    }

    private StaffOidcUser(OidcUser user, StaffMember staff) {
        super(staff.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(),
                user.getIdToken(), user.getUserInfo(), "sub");
        this.staff = staff;
    }

    StaffMember staffMember() {
        return staff;
    }
}
