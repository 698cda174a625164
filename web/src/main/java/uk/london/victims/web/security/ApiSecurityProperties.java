package uk.london.victims.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;


/**
 * Who may issue bearer tokens for the agency API.
 *
 * @param issuerUri the identity provider's issuer ({@code VJT_JWT_ISSUER_URI}): keys are found through its
 *                  OIDC discovery document, and every token's {@code iss} must equal it
 * @param jwkSetUri the identity provider's JWK set ({@code VJT_JWT_JWK_SET_URI}): used for keys instead of
 *                  discovery; give {@code issuerUri} as well so that {@code iss} is checked too
 * @param audience  the {@code aud} every token must contain ({@code VJT_JWT_AUDIENCE})
 */
@ConfigurationProperties("vjt.security")
public record ApiSecurityProperties(String issuerUri,
                                    String jwkSetUri,
                                    @DefaultValue(ApiSecurityProperties.DEFAULT_AUDIENCE) String audience) {

    public static final String DEFAULT_AUDIENCE = "vjt-agency-api";

    public ApiSecurityProperties {
        if (!StringUtils.hasText(audience)) {
            throw new IllegalArgumentException("vjt.security.audience (VJT_JWT_AUDIENCE) must not be blank");
        }
        issuerUri = StringUtils.hasText(issuerUri) ? issuerUri.strip() : null;
        jwkSetUri = StringUtils.hasText(jwkSetUri) ? jwkSetUri.strip() : null;
    }

    public boolean issuerConfigured() {
        return issuerUri != null || jwkSetUri != null;
    }

}
