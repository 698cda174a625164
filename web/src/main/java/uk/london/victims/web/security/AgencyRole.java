package uk.london.victims.web.security;

import java.util.Arrays;

/**
 * What a member of staff does in the criminal justice system, as carried in the {@code roles} claim of
 * their bearer token. Each becomes the Spring authority {@code ROLE_<NAME>}, so controllers say
 * {@code @PreAuthorize("hasRole('POLICE_OFFICER')")}.
 */
public enum AgencyRole {
    POLICE_OFFICER,
    WITNESS_CARE,
    CPS,
    COURT,
    PROBATION,
    RJ_PROVIDER,
    VICTIM_SUPPORT,
    COMMISSIONER,
    ADMIN;

    /** The Spring Security authority this role grants. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Every role's name; {@link AnyAgencyRole} uses it so that a role added here is never forgotten there. */
    public static String[] names() {
        return Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
    }
}
