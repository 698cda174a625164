package uk.london.victims.web.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;

/** What makes a bearer token acceptable to the agency API, for demo and real identity providers alike. */
final class AgencyTokenValidation {

    /** Tolerated difference between our clock and the identity provider's. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private AgencyTokenValidation() {
    }

    /**
     * Not expired and not yet to come (with a bound lifetime: {@code exp} is required), from the expected
     * issuer when one is known, for our audience, and naming a person and their unit.
     */
    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(
                timestamps,
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtAudienceValidator(audience),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, AgencyTokenValidation::isText),
                new JwtClaimValidator<Object>(StaffMember.UNIT_CLAIM, AgencyTokenValidation::isText),
                new JwtClaimValidator<Object>(StaffMember.ROLES_CLAIM,
                        roles -> isText(roles) || roles instanceof Collection<?> list && !list.isEmpty())));
        if (issuer != null) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /**
     * Keys from the JWK set when one is given, else from the issuer's discovery document. Discovery waits for
     * the first token, so the service starts even while the identity provider is briefly unreachable.
     */
    static ReactiveJwtDecoder decoder(ApiSecurityProperties properties, Clock clock) {
        OAuth2TokenValidator<Jwt> validator = validator(properties.issuerUri(), properties.audience(), clock);
        if (properties.jwkSetUri() != null) {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        return new SupplierReactiveJwtDecoder(() -> {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    private static boolean isText(Object value) {
        return value instanceof String text && !text.isBlank();
    }
}
