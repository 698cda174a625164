package uk.london.victims.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.london.victims.web.session.SignedInCodec;

/**
 * A member of staff signed in to the pages, in the shared session store as strings: the token they signed
 * in with and its claims as JSON (times as epoch seconds), from which the same {@link StaffMember} is made
 * again on any instance.
 */
@Component
class StaffSessionCodec implements SignedInCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TIMES = Set.of("iat", "exp", "nbf", "auth_time", "updated_at");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    @Override
    public String kind() {
        return "staff";
    }

    @Override
    public Optional<Map<String, String>> write(Authentication authentication) {
        if (authentication instanceof StaffAuthentication staff) {
            Jwt jwt = staff.getToken();
            return Optional.of(Map.of("via", "token", "token", jwt.getTokenValue(), "headers", json(jwt.getHeaders()),
                    "claims", json(jwt.getClaims())));
        }
        if (authentication instanceof OAuth2AuthenticationToken oidc && oidc.getPrincipal() instanceof StaffOidcUser user) {
            Map<String, String> plain = new HashMap<>();
            plain.put("via", "oidc");
            plain.put("registration", oidc.getAuthorizedClientRegistrationId());
            plain.put("token", user.getIdToken().getTokenValue());
            plain.put("claims", json(user.getIdToken().getClaims()));
            if (user.getUserInfo() != null) {
                plain.put("userInfo", json(user.getUserInfo().getClaims()));
            }
            return Optional.of(plain);
        }
        return Optional.empty();
    }

    @Override
    public Authentication read(Map<String, String> plain) {
        Map<String, Object> claims = claims(plain.get("claims"));
        Instant issuedAt = (Instant) claims.get("iat");
        Instant expiresAt = (Instant) claims.get("exp");
        if ("oidc".equals(plain.get("via"))) {
            OidcIdToken idToken = new OidcIdToken(plain.get("token"), issuedAt, expiresAt, claims);
            OidcUserInfo userInfo = plain.containsKey("userInfo") ? new OidcUserInfo(claims(plain.get("userInfo"))) : null;
            StaffOidcUser user = new StaffOidcUser(new DefaultOidcUser(java.util.List.of(new SimpleGrantedAuthority("OIDC_USER")),
                    idToken, userInfo, "sub"));
            return new OAuth2AuthenticationToken(user, user.getAuthorities(), plain.get("registration"));
        }
        Jwt jwt = new Jwt(plain.get("token"), issuedAt, expiresAt, claims(plain.get("headers")), claims);
        return new StaffAuthentication(jwt, StaffMember.of(jwt));
    }

    private static String json(Map<String, Object> claims) {
        Map<String, Object> plain = new LinkedHashMap<>();
        claims.forEach((name, value) -> plain.put(name, value instanceof Instant instant ? instant.getEpochSecond()
                : value instanceof URL url ? url.toString() : value));
        try {
            return JSON.writeValueAsString(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> claims(String json) {
        try {
            Map<String, Object> claims = JSON.readValue(json, MAP);
            TIMES.forEach(name -> {
                if (claims.get(name) instanceof Number seconds) {
                    claims.put(name, Instant.ofEpochSecond(seconds.longValue()));
                }
            });
            return claims;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
