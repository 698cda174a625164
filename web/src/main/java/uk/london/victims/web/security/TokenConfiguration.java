package uk.london.victims.web.security;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * How the agency API checks a bearer token: against the configured identity provider, or, in
 * {@link DemoMode}, against the in-memory demo key. With neither, start-up fails.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiSecurityProperties.class, DemoProperties.class})
public class TokenConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);
    /** Far more than the staff signed in at once; a token is a few hundred bytes to a few kilobytes. */
    static final long VERIFIED_TOKENS = 10_000;
    /**
     * How long a token already verified skips its signature check. With {@link #KEYS_KEPT_FOR}, this bounds how
     * long a signing key withdrawn at the identity provider is still trusted: 5 minutes in all.
     */
    static final Duration VERIFIED_TOKENS_KEPT_FOR = Duration.ofMinutes(1);
    /** How long the identity provider's keys are trusted before they are fetched again ({@link RefreshedKeysDecoder}). */
    static final Duration KEYS_KEPT_FOR = Duration.ofMinutes(4);

    /**
     * Refuses before any other bean is made: the store's beans connect to MongoDB as they are created, and
     * an unreachable database must not hide the real reason the service cannot start.
     */
    @Bean
    static BeanFactoryPostProcessor agencyApiNeedsATokenIssuer(Environment environment) {
        return beanFactory -> {
            ApiSecurityProperties security = DemoMode.security(environment);
            if (!DemoMode.on(environment) && !security.issuerConfigured()) {
                throw new AgencyApiAuthenticationMissingException();
            }
        };
    }

    @Bean
    @Conditional(DemoMode.class)
    DemoTokens demoTokens(ApiSecurityProperties properties, Clock clock) {
        return new DemoTokens(properties.audience(), clock);
    }

    @Bean
    ReactiveJwtDecoder agencyJwtDecoder(ApiSecurityProperties properties, ObjectProvider<DemoTokens> demoTokens,
                                        Clock clock) {
        DemoTokens demo = demoTokens.getIfAvailable();
        if (demo != null) {
            return new VerifiedTokenCache(demo.decoder(), clock, VERIFIED_TOKENS, VERIFIED_TOKENS_KEPT_FOR);
        }
        if (!properties.issuerConfigured()) {
            throw new AgencyApiAuthenticationMissingException();
        }
        if (properties.issuerUri() == null) {
            log.warn("VJT_JWT_JWK_SET_URI is set without VJT_JWT_ISSUER_URI: tokens are checked for signature, "
                     + "expiry and audience but not for their issuer. Set VJT_JWT_ISSUER_URI as well.");
        }
        log.info("Agency API accepts bearer tokens from {} for audience {}",
                properties.issuerUri() != null ? properties.issuerUri() : properties.jwkSetUri(), properties.audience());
        return new VerifiedTokenCache(new RefreshedKeysDecoder(() -> AgencyTokenValidation.decoder(properties, clock), clock,
                KEYS_KEPT_FOR), clock, VERIFIED_TOKENS, VERIFIED_TOKENS_KEPT_FOR);
    }
}
