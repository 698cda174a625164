package uk.london.victims.web.security;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;

import reactor.core.publisher.Mono;

/**
 * The member of agency staff behind a request to the agency API, taken from their validated bearer token.
 * Unit and BCU are carried so that what a person may see can later be narrowed to their own unit or
 * borough.
 *
 * <p>A controller gets it in either of two ways:
 * <pre>{@code
 * Mono<X> handle(@AuthenticationPrincipal StaffMember staff) { ... }   // as a handler argument
 * StaffMember.current().flatMap(staff -> ...)                            // anywhere in the request's Mono
 * }</pre>
 *
 * @param staffId     the token's {@code sub}: the person's staff id at their agency
 * @param roles       the known {@link AgencyRole}s in the {@code roles} claim (unknown names are ignored)
 * @param unit        the {@code unit} claim, such as {@code WCU-North} or {@code CPS-London-South}
 * @param bcu         the {@code bcu} claim, an MPS Basic Command Unit code such as {@code CW}; may be null
 * @param displayName the {@code name} claim; may be null
 */
public record StaffMember(String staffId, Set<AgencyRole> roles, String unit, String bcu, String displayName) {

    public static final String ROLES_CLAIM = "roles";
    public static final String UNIT_CLAIM = "unit";
    public static final String BCU_CLAIM = "bcu";
    public static final String NAME_CLAIM = "name";

    public StaffMember {
        Objects.requireNonNull(staffId, "staffId");
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean has(AgencyRole role) {
        return roles.contains(role);
    }

    /**
     * The authenticated member of staff of the current request, by bearer token (API) or signed in to the
     * pages (demo sign-in or OIDC); empty otherwise.
     */
    public static Mono<StaffMember> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(authentication -> Mono.justOrEmpty(of(authentication)));
    }

    static StaffMember of(Authentication authentication) {
        if (authentication instanceof StaffAuthentication staff) {
            return staff.staffMember();
        }
        return authentication != null && authentication.getPrincipal() instanceof StaffOidcUser user ? user.staffMember() : null;
    }

    /** Reads a token that the decoder has already validated (so {@code sub} and {@code unit} are present). */
    static StaffMember of(Jwt jwt) {
        return of(jwt.getClaims());
    }

    /** The same claims from an OIDC ID token or user info, or a validated JWT. */
    static StaffMember of(Map<String, Object> claims) {
        return new StaffMember(String.valueOf(claims.get("sub")), rolesIn(claims.get(ROLES_CLAIM)), text(claims.get(UNIT_CLAIM)),
                text(claims.get(BCU_CLAIM)), text(claims.get(NAME_CLAIM)));
    }

    private static String text(Object claim) {
        return claim == null ? null : claim.toString();
    }

    /**
     * A list of role names (or one name as a plain string). Names this version does not know are skipped
     * rather than failing the token, so an identity provider can add a role before we ship it.
     */
    private static Set<AgencyRole> rolesIn(Object claim) {
        Collection<?> names = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        Set<AgencyRole> roles = EnumSet.noneOf(AgencyRole.class);
        for (Object name : names) {
            for (AgencyRole role : AgencyRole.values()) {
                if (role.name().equals(String.valueOf(name))) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
