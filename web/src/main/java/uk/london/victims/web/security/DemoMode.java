package uk.london.victims.web.security;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import uk.london.victims.application.store.StoreProperties;

/**
 * Matches in demo mode, when the service issues its own demo tokens and offers the demo role picker.
 * Beans guarded by it do not exist otherwise, so {@code POST /demo/tokens} is a plain 404 in production.
 *
 * <p>Demo mode is {@code VJT_DEMO} when set; unset, it is on only on the embedded store with no identity
 * provider, so that a plain {@code java -jar} gives the demo. The container image sets it off: a
 * {@code docker run} without {@code MONGODB_URI} once handed ADMIN tokens to anyone (ADR 0019).
 */
public final class DemoMode extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        if (on(environment)) {
            return ConditionOutcome.match(demo(environment).enabled() == null
                    ? "no token issuer configured and the embedded store in use" : "VJT_DEMO=true");
        }
        return ConditionOutcome.noMatch(demo(environment).enabled() != null ? "VJT_DEMO=false"
                : security(environment).issuerConfigured() ? "a token issuer is configured" : "not on the embedded store");
    }

    /** Whether the service runs in demo mode; refuses demo tokens beside a real identity provider. */
    public static boolean on(Environment environment) {
        Boolean enabled = demo(environment).enabled();
        ApiSecurityProperties security = security(environment);
        if (Boolean.TRUE.equals(enabled) && security.issuerConfigured()) {
            throw new AgencyApiAuthenticationMissingException(
                    "VJT_DEMO=true with an identity provider configured: demo tokens would sit beside real ones.");
        }
        return enabled != null ? enabled : !security.issuerConfigured() && store(environment).embedded();
    }

    /** The settings as they will be bound, readable before any bean exists. */
    static ApiSecurityProperties security(Environment environment) {
        return Binder.get(environment).bindOrCreate("vjt.security", ApiSecurityProperties.class);
    }

    static StoreProperties store(Environment environment) {
        return Binder.get(environment).bindOrCreate("vjt.store", StoreProperties.class);
    }

    static DemoProperties demo(Environment environment) {
        return Binder.get(environment).bindOrCreate("vjt.demo", DemoProperties.class);
    }
}
