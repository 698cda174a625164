package uk.london.victims.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import reactor.core.publisher.Mono;

/** From claims to the member of staff and Spring authorities, and back out of a request's context. */
class StaffMemberTest {

    @Test
    void claimsBecomeTheStaffMemberAndRolesBecomeAuthorities() {
        Jwt jwt = jwt(List.of("WITNESS_CARE", "VICTIM_SUPPORT", "LIFEGUARD"));

        StaffAuthentication authentication = new StaffAuthentication(jwt, StaffMember.of(jwt));

        assertThat(authentication.staffMember()).isEqualTo(new StaffMember("WCO-77",
                Set.of(AgencyRole.WITNESS_CARE, AgencyRole.VICTIM_SUPPORT), "WCU-North", "CW", "A. Officer"));
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_WITNESS_CARE", "ROLE_VICTIM_SUPPORT");
        assertThat(authentication.getName()).isEqualTo("WCO-77");
        assertThat(authentication.isAuthenticated()).isTrue();
    }

    @Test
    void aSingleRoleMayBeAPlainString() {
        assertThat(StaffMember.of(jwt("CPS")).roles()).containsExactly(AgencyRole.CPS);
    }

    @Test
    void currentIsTheAuthenticatedStaffMemberAndEmptyWithoutOne() {
        Jwt jwt = jwt(List.of("COURT"));
        StaffMember current = StaffMember.current()
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new StaffAuthentication(jwt, StaffMember.of(jwt))))
                .block();

        assertThat(current.staffId()).isEqualTo("WCO-77");
        assertThat(current.has(AgencyRole.COURT)).isTrue();
        assertThat(StaffMember.current().switchIfEmpty(Mono.just(new StaffMember("nobody", Set.of(), null, null, null)))
                .block().staffId()).isEqualTo("nobody");
    }

    private static Jwt jwt(Object roles) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject("WCO-77")
                .claim(StaffMember.ROLES_CLAIM, roles).claim(StaffMember.UNIT_CLAIM, "WCU-North")
                .claim(StaffMember.BCU_CLAIM, "CW").claim(StaffMember.NAME_CLAIM, "A. Officer")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }
}
