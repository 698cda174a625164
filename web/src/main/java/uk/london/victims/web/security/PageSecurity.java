package uk.london.victims.web.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;

/** Response headers shared by every chain that serves pages. */
public final class PageSecurity {

    /**
     * No inline script or style anywhere (GOV.UK Frontend is loaded as files), so a strict policy costs
     * nothing; {@code connect-src 'self'} is what the live-update stream needs.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private PageSecurity() {
    }

    public static ServerHttpSecurity.HeaderSpec pageHeaders(ServerHttpSecurity.HeaderSpec headers) {
        return headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                      .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                      .frameOptions(frame -> frame.mode(Mode.DENY));
    }
}
