package uk.london.victims.web.security;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import uk.london.victims.application.store.StoreProperties;

/**
 * Matches when the service issues its own demo tokens: see {@link ApiSecurityProperties#demoMode}. Beans
 * guarded by it do not exist otherwise, so {@code POST /demo/tokens} is a plain 404 in production.
 */
final class DemoMode extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ApiSecurityProperties security = security(context.getEnvironment());
        if (security.demoMode(store(context.getEnvironment()))) {
            return ConditionOutcome.match("no token issuer configured and the embedded store in use");
        }
        return ConditionOutcome.noMatch(security.issuerConfigured() ? "a token issuer is configured" : "not on the embedded store");
    }

    /** The settings as they will be bound, readable before any bean exists. */
    static ApiSecurityProperties security(Environment environment) {
        return Binder.get(environment).bindOrCreate("vjt.security", ApiSecurityProperties.class);
    }

    static StoreProperties store(Environment environment) {
        return Binder.get(environment).bindOrCreate("vjt.store", StoreProperties.class);
    }
}
