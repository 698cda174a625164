package uk.london.victims.web.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the refusal into Spring Boot's "APPLICATION FAILED TO START" text instead of a stack trace. */
final class AgencyApiAuthenticationFailureAnalyzer extends AbstractFailureAnalyzer<AgencyApiAuthenticationMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AgencyApiAuthenticationMissingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set VJT_JWT_ISSUER_URI to your identity provider's issuer (keys are found by OIDC discovery), or "
                + "VJT_JWT_JWK_SET_URI to its JWK set. Tokens must carry the audience in VJT_JWT_AUDIENCE "
                + "(default " + ApiSecurityProperties.DEFAULT_AUDIENCE + "). To try the service without an identity "
                + "provider, unset MONGODB_URI and run the jar on your own machine: the embedded store issues demo tokens at "
                + "POST /demo/tokens (VJT_DEMO=true turns demo mode on where it is off, such as in the container image).",
                cause);
    }
}
