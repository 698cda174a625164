package uk.london.victims.web.security;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import uk.london.victims.application.store.StoreProperties;

/**
 * Matches when the service issues its own demo tokens: see {@link ApiSecurityProperties#demoMode}. Beans
 * guarded by it do not exist otherwise, so {@code POST /demo/tokens} is a plain 404 in production.
 */
final class DemoMode extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        ApiSecurityProperties security = binder.bindOrCreate("vjt.security", ApiSecurityProperties.class);
        StoreProperties store = binder.bindOrCreate("vjt.store", StoreProperties.class);
        if (security.demoMode(store)) {
            return ConditionOutcome.match("no token issuer configured and the embedded store in use");
        }
        return ConditionOutcome.noMatch(security.issuerConfigured() ? "a token issuer is configured" : "not on the embedded store");
    }
}
